// Workbook autosave: each change is sent to the API at once; the Save button stays for people without JavaScript.
// The sign-in cookie alone does not authorise an API write: the form's antiforgery token goes along as a header.
document.querySelectorAll('form[data-autosave] .exercise').forEach(function (exercise) {
    var id = exercise.id.replace('exercise-', '');
    var token = exercise.closest('form').querySelector('input[name="__RequestVerificationToken"]');
    exercise.addEventListener('change', function () {
        var boxes = exercise.querySelectorAll('input[type=checkbox]');
        var value;
        if (boxes.length) value = Array.prototype.filter.call(boxes, function (b) { return b.checked; }).map(function (b) { return b.value; }).join(',');
        else { var el = exercise.querySelector('textarea, input[type=radio]:checked'); value = el ? el.value : ''; }
        fetch('/api/v1/workbooks/exercises/' + id + '/answer', {
            method: 'PUT', credentials: 'same-origin',
            headers: { 'Content-Type': 'application/json', 'RequestVerificationToken': token ? token.value : '' },
            body: JSON.stringify({ value: value })
        }).then(function (r) { exercise.dataset.saved = r.ok ? 'true' : 'false'; });
    });
});
