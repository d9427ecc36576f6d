// The matching job's progress bar: polls the job's status (GET /api/v1/cohorts/{id}/matching/jobs/{job}) once a
// second while it is queued or running, moves the bar and says the stage; when the job ends, the page is loaded
// again with ?job= so it shows the outcome and the new run. Without script the page still shows the stage at
// load time and the cancel button works.
(function () {
    const box = document.getElementById('job');
    if (!box || box.dataset.active !== 'true') return;
    const bar = document.getElementById('job-bar');
    const stage = document.getElementById('job-stage');
    let failures = 0;

    async function poll() {
        try {
            const response = await fetch(box.dataset.status, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } });
            if (response.ok) {
                failures = 0;
                const job = await response.json();
                if (!job.active) {
                    location.assign(box.dataset.done);
                    return;
                }
                bar.style.width = job.progress + '%';
                bar.parentElement.setAttribute('aria-valuenow', String(job.progress));
                if (stage.textContent !== job.message) stage.textContent = job.message;
            } else {
                failures++;
            }
        } catch {
            failures++;
        }
        // A server restarting or a dropped connection: keep trying, more slowly.
        setTimeout(poll, failures === 0 ? 1000 : Math.min(10000, 1000 * 2 ** failures));
    }

    setTimeout(poll, 500);
})();
