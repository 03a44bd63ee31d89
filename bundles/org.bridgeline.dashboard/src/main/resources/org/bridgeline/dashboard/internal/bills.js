// Bills and intake: each chosen or dropped file is sent on its own, with its own progress bar; the
// list follows bills still on their way (the page is read again every 2 s while one is, by GET: never
// a reload, which would send a posted form again). Without script the form posts as a plain form.
(function () {
  const form = document.getElementById('upload');
  const table = document.getElementById('intake');
  if (table && table.dataset.pending === 'true') {
    setTimeout(() => location.assign(location.pathname), 2000);
  }
  if (!form) {
    return;
  }
  const input = document.getElementById('bills-files');
  const list = document.getElementById('progress');
  const csrf = form.querySelector('input[name=csrf]').value;
  function send(files) {
    const sends = Array.from(files).map(file => new Promise(done => {
      const item = document.createElement('li');
      const bar = document.createElement('progress');
      bar.max = 100;
      bar.value = 0;
      bar.setAttribute('aria-label', 'upload of ' + file.name);
      item.textContent = file.name + ' ';
      item.appendChild(bar);
      list.appendChild(item);
      const body = new FormData();
      body.append('csrf', csrf);
      body.append('file', file, file.name);
      const request = new XMLHttpRequest();
      request.open('POST', form.action);
      request.upload.onprogress = e => { if (e.lengthComputable) bar.value = Math.round(100 * e.loaded / e.total); };
      request.onload = () => { bar.value = 100; item.append(request.status === 200 ? ' received' : ' refused (' + request.status + ')'); done(); };
      request.onerror = () => { item.append(' failed'); done(); };
      request.send(body);
    }));
    Promise.all(sends).then(() => location.assign(location.pathname));
  }
  form.addEventListener('submit', e => { e.preventDefault(); send(input.files); });
  form.addEventListener('dragover', e => { e.preventDefault(); form.classList.add('dropping'); });
  form.addEventListener('dragleave', () => form.classList.remove('dropping'));
  form.addEventListener('drop', e => { e.preventDefault(); form.classList.remove('dropping'); send(e.dataTransfer.files); });
})();
