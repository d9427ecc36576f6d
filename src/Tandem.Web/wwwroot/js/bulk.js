// "Select all on this page" also ticks the rows, so the coordinator sees what the server will take.
(() => {
    const all = document.getElementById('all-on-page');
    if (!all) return;
    const boxes = () => document.querySelectorAll('input[type=checkbox][form=bulk][name=Ids]');
    all.addEventListener('change', () => boxes().forEach((b) => { b.checked = all.checked; }));
    boxes().forEach((b) => b.addEventListener('change', () => { if (!b.checked) all.checked = false; }));
})();
