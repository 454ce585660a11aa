/* faqbot editors' page: the token lives in this tab's sessionStorage only, and goes out in a header, never a URL. */
(() => {
  'use strict';
  var KEY = 'faqbot-admin-token';
  var $ = id => document.getElementById(id);

  function el(tag, text, attrs) {
    var e = document.createElement(tag);
    if (text != null) e.textContent = String(text);
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    return e;
  }

  function call(method, path, body) {
    var init = { method, headers: { Authorization: 'Bearer ' + sessionStorage.getItem(KEY) } };
    if (body) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(path, init).then(r => r.json().catch(() => ({})).then(data => {
      if (!r.ok) throw Object.assign(new Error(data.error || ('HTTP ' + r.status)), { status: r.status });
      return data;
    }));
  }

  function day(time) { return String(time || '').slice(0, 10); }

  function group(g, i) {
    var li = el('li', null, { class: 'group', 'data-count': g.count });
    li.appendChild(el('h3', g.count + (g.count === 1 ? ' time: ' : ' times: ') + '\u201c' + g.questions[0].question + '\u201d'));
    li.appendChild(el('p', 'First asked ' + day(g.firstSeen) + ', last ' + day(g.lastSeen)));
    var asked = li.appendChild(el('ul', null, { class: 'asked' }));
    g.questions.forEach(q => asked.appendChild(el('li', q.question + (q.count > 1 ? ' (' + q.count + ')' : ''))));
    var label = li.appendChild(el('label', 'Add these as phrasings of ', { for: 'entry-' + i }));
    var select = li.appendChild(el('select', null, { id: 'entry-' + i }));
    g.closest.forEach(c => select.appendChild(el('option', c.question, { value: c.id })));
    label.appendChild(select);
    var add = li.appendChild(el('button', 'Add as phrasings', { type: 'button', class: 'add' }));
    var note = li.appendChild(el('p', null, { role: 'status', class: 'note' }));
    add.addEventListener('click', () => {
      add.disabled = true;
      note.textContent = 'Adding\u2026';
      var entryId = select.value;
      g.questions.reduce((done, q) => done.then(n => call('POST', '/admin/phrasings', { entryId, phrasing: q.question })
        .then(r => n + (r.added ? 1 : 0))), Promise.resolve(0))
        .then(n => { note.textContent = 'Added ' + n + ' phrasing' + (n === 1 ? '' : 's') + ' to \u201c' + select.selectedOptions[0].textContent + '\u201d.'; },
          err => { note.textContent = err.message; add.disabled = false; });
    });
    if (!g.closest.length) { add.disabled = true; select.disabled = true; }
    return li;
  }

  function load() {
    return call('GET', '/admin/api/questions').then(data => {
      $('login').hidden = true;
      $('editor').hidden = false;
      $('summary').textContent = data.questions + ' different questions in the last ' + data.days + ' days, in ' + data.groups.length + ' groups.';
      var list = $('groups');
      list.textContent = '';
      data.groups.forEach((g, i) => list.appendChild(group(g, i)));
    });
  }

  function signedOut(message) {
    sessionStorage.removeItem(KEY);
    $('editor').hidden = true;
    $('login').hidden = false;
    $('login-error').textContent = message || '';
  }

  $('login').addEventListener('submit', e => {
    e.preventDefault();
    sessionStorage.setItem(KEY, $('token').value);
    $('token').value = '';
    load().catch(err => signedOut(err.status === 401 ? 'That token is not the admin token.' : err.message));
  });
  $('signout').addEventListener('click', () => signedOut());
  if (sessionStorage.getItem(KEY)) load().catch(err => signedOut(err.message));
})();
