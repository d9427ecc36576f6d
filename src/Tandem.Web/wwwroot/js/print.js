// Buttons that print the page (the certificate): a script file, since the site's policy runs no inline handlers.
document.querySelectorAll('[data-print]').forEach(function (button) {
    button.addEventListener('click', function () { window.print(); });
});
