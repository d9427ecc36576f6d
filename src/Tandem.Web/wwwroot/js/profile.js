// An empty time zone is filled with the browser's own, when the list offers it; the person still saves it.
(() => {
    const select = document.querySelector('select[data-browser-zone="fill"]');
    if (!select) return;
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && [...select.options].some(o => o.value === zone)) select.value = zone;
})();
