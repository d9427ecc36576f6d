// Live what-if on the matching page: moving a weight slider re-matches the cohort on the server
// (POST /api/v1/cohorts/{id}/matching/preview, nothing saved) and shows the totals and the difference
// from the latest run. Debounced so a drag sends one request, and stale answers are ignored.
(function () {
    const form = document.getElementById('run-form');
    if (!form) return;
    const cohort = form.dataset.cohort;
    const sliders = form.querySelectorAll('input[data-weight]');
    const box = document.getElementById('preview');
    const fmt = new Intl.NumberFormat(document.documentElement.lang || undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const signed = (n, f) => (n > 0 ? '+' : '') + f(n);
    let timer = 0, sequence = 0;

    function weights() {
        const w = {};
        sliders.forEach(s => { w[s.dataset.weight.charAt(0).toLowerCase() + s.dataset.weight.slice(1)] = Number(s.value); });
        return w;
    }

    async function preview() {
        const mine = ++sequence;
        const body = { weights: weights(), mode: form.querySelector('#mode').value, objective: form.querySelector('#objective').value };
        const response = await fetch(`/api/v1/cohorts/${cohort}/matching/preview`, {
            method: 'POST', credentials: 'same-origin',
            // The run form's antiforgery token: the API takes no cookie-authenticated write without it.
            headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'RequestVerificationToken': form.querySelector('input[name="__RequestVerificationToken"]').value },
            body: JSON.stringify(body),
        });
        if (mine !== sequence) return;
        const json = await response.json();
        box.hidden = false;
        const error = document.getElementById('preview-error');
        if (!response.ok) {
            error.textContent = json.errors ? Object.values(json.errors).flat().join(' ') : (json.detail || json.title || '');
            return;
        }
        error.textContent = '';
        document.getElementById('preview-matched').textContent = json.matched;
        document.getElementById('preview-matched-change').textContent = signed(json.matchedChange, String);
        document.getElementById('preview-total').textContent = fmt.format(json.totalScore);
        document.getElementById('preview-total-change').textContent = signed(json.totalScoreChange, x => fmt.format(x));
        document.getElementById('preview-added').textContent = json.addedCount;
        document.getElementById('preview-removed').textContent = json.removedCount;
    }

    sliders.forEach(s => s.addEventListener('input', () => {
        document.getElementById(`w-${s.dataset.weight}-value`).textContent = Number(s.value).toFixed(1);
        clearTimeout(timer);
        timer = setTimeout(preview, 250);
    }));
})();
