// Confirms an import and shows its progress: the server answers lines of JSON ({written} while it writes, then {done}).
(() => {
    const form = document.getElementById('import-form');
    if (!form || !window.fetch || !window.TextDecoder) return;
    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        const box = document.getElementById('import-progress');
        const bar = document.getElementById('import-bar');
        const status = document.getElementById('import-status');
        const done = document.getElementById('import-done');
        form.querySelector('button[type=submit]').disabled = true;
        box.hidden = false;
        const response = await fetch(form.action, { method: 'POST', body: new FormData(form), headers: { Accept: 'application/x-ndjson' } });
        if (!response.ok || !response.body) { form.submit(); return; }
        const reader = response.body.getReader();
        const decoder = new TextDecoder();
        let buffer = '';
        for (;;) {
            const { value, done: finished } = await reader.read();
            if (value) buffer += decoder.decode(value, { stream: true });
            let end;
            while ((end = buffer.indexOf('\n')) >= 0) {
                const line = JSON.parse(buffer.slice(0, end));
                buffer = buffer.slice(end + 1);
                if (line.done) {
                    bar.value = bar.max;
                    done.textContent = line.message;
                    status.textContent = line.message;
                    document.getElementById('to-applications').hidden = line.errors > 0;
                } else {
                    bar.value = line.written;
                    status.textContent = status.dataset.written.replace('{0}', line.written).replace('{1}', bar.max);
                }
            }
            if (finished) break;
        }
    });
})();
