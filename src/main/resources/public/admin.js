/*
 * faqbot editors' page. The admin token lives in this tab's sessionStorage only and goes out in the
 * Authorization header, never in a URL. Everything from the server is shown as text; the charts are SVG
 * built element by element, styled by classes in faq.css (the page's policy allows no inline style).
 */
(() => {
  'use strict';
  const TOKEN = 'faqbot-admin-token';
  const DAYS = 'faqbot-admin-days';
  const SVG = 'http://www.w3.org/2000/svg';
  const OUTCOMES = [
    { key: 'answer', words: 'answered' },
    { key: 'clarify', words: 'asked which was meant' },
    { key: 'decline', words: 'declined' },
    { key: 'smalltalk', words: 'small talk' }
  ];
  const REASONS = {
    narrow: 'The bot answered it with this entry, but was not sure.',
    picked: 'The bot asked which entry was meant, and the person picked this one.',
    helpful: 'The bot was not sure, and the person marked the answer helpful.'
  };
  const $ = id => document.getElementById(id);
  let generation = 0; // a newer load makes the answers to older ones stale
  let traffic = null; // the last series drawn, redrawn when the window is resized

  // ------------------------------------------------------------------ small helpers

  function el(tag, text, attrs) {
    const e = document.createElement(tag);
    if (text != null) e.textContent = String(text);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    return e;
  }

  function svg(tag, attrs, text) {
    const e = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
    if (text != null) e.textContent = String(text);
    return e;
  }

  const quoted = text => '\u201c' + text + '\u201d';
  const plural = (n, one, many) => n + ' ' + (n === 1 ? one : (many || one + 's'));
  const times = n => n === 1 ? 'once' : n === 2 ? 'twice' : n + ' times';
  const percent = (part, whole) => whole ? Math.round(100 * part / whole) + '%' : '';

  /** "6 Dec 2026" for an ISO time or day, read in UTC as the server counts days. */
  function date(iso, short) {
    const d = new Date(String(iso || '').length === 10 ? iso + 'T00:00:00Z' : iso);
    if (isNaN(d)) return String(iso || '');
    const options = { day: 'numeric', month: 'short', timeZone: 'UTC' };
    if (!short) options.year = 'numeric';
    return d.toLocaleDateString('en-GB', options);
  }

  class ApiError extends Error {
    constructor(message, status) {
      super(message);
      this.status = status;
    }
  }

  function headers() {
    return { Authorization: 'Bearer ' + sessionStorage.getItem(TOKEN) };
  }

  /** Calls the API; a refusal becomes an ApiError with the server's own words. */
  function request(method, path, body) {
    const init = { method, headers: headers() };
    if (body) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(path, init).then(
      response => response,
      () => { throw new ApiError('the server cannot be reached; check the connection and try again.', 0); })
      .then(response => {
        if (response.ok) return response;
        return response.json().catch(() => ({})).then(data => {
          const error = new ApiError(data.error || 'the server answered ' + response.status + '.', response.status);
          if (response.status === 401) signedOut('The server no longer accepts this token; sign in again.');
          throw error;
        });
      });
  }

  const call = (method, path, body) => request(method, path, body).then(r => r.json());

  /** Shows (or clears) a section's error, plainly. */
  function problem(section, what, err) {
    const p = $(section).querySelector('.error');
    p.hidden = !err;
    p.textContent = err ? 'Could not ' + what + ': ' + err.message : '';
  }

  function say(message) {
    $('status').textContent = message;
  }

  function tally(list) {
    const n = $(list).children.length;
    $(list + '-tally').textContent = '(' + n + ')';
    return n;
  }

  /**
   * Takes an item out of its list once an editor has dealt with it, and puts the focus on the next item
   * (or the section's heading), so that a keyboard user goes on where they were.
   */
  function retire(li, message, list, summary) {
    say(message);
    if (!li.isConnected) return; // the list was read again meanwhile
    const next = li.nextElementSibling || li.previousElementSibling;
    const heading = li.closest('section').querySelector('h2');
    li.remove();
    summary(tally(list));
    (next ? next.querySelector('h3') : heading).focus();
  }

  /** Shows on an item why what the editor asked for was not done; the item stays, to try again. */
  function refused(note, text) {
    note.textContent = text;
    note.classList.add('bad');
  }

  /** Disables an item's buttons while one of its actions is under way. */
  function busy(li, on) {
    if (on) li.querySelector('.note').classList.remove('bad');
    li.querySelectorAll('button, select').forEach(b => { b.disabled = on; });
    const select = li.querySelector('select');
    if (select && !select.options.length) { // no entry to add to
      select.disabled = true;
      li.querySelector('button.add').disabled = true;
    }
    li.setAttribute('aria-busy', String(on));
  }

  function decide(questions, decision) {
    return call('POST', '/admin/decisions', { questions, decision });
  }

  /** The buttons every group and suggestion has besides its "add": needs a new entry, and dismiss. */
  /** questions: the questions to decide about, or a function giving them at the moment of the click. */
  function decisionButtons(li, actions, questions, label, list, summary) {
    const chosen = typeof questions === 'function' ? questions : () => questions;
    const about = { type: 'button', 'aria-describedby': li.querySelector('h3').id };
    const row = actions.appendChild(el('span', null, { class: 'decide' }));
    const fresh = row.appendChild(el('button', 'Needs a new entry', Object.assign({ class: 'new-entry' }, about)));
    const dismiss = row.appendChild(el('button', 'Dismiss', Object.assign({ class: 'dismiss' }, about)));
    const note = li.querySelector('.note');
    fresh.addEventListener('click', () => {
      const picked = chosen();
      if (!picked.length) { refused(note, 'Tick at least one of the questions first.'); return; }
      busy(li, true);
      note.textContent = 'Saving\u2026';
      decide(picked, 'new-entry').then(() => {
        done(li, picked, quoted(label) + ' is on the list of questions that need a new entry.', list, summary);
        loadNewEntries(generation);
      }, err => { refused(note, 'Not saved: ' + err.message); busy(li, false); });
    });
    dismiss.addEventListener('click', () => {
      const picked = chosen();
      if (!picked.length) { refused(note, 'Tick at least one of the questions first.'); return; }
      busy(li, true);
      note.textContent = 'Dismissing\u2026';
      decide(picked, 'dismiss').then(
        () => done(li, picked, 'Dismissed ' + quoted(label) + '.', list, summary),
        err => { refused(note, 'Not dismissed: ' + err.message); busy(li, false); });
    });
  }

  /**
   * Adds phrasings to an entry one after the other; resolves to how many were new. A refusal stops it, and
   * says how many were added before.
   */
  function addPhrasings(entryId, phrasings) {
    return phrasings.reduce((done, phrasing) => done.then(n =>
      call('POST', '/admin/phrasings', { entryId, phrasing }).then(r => n + (r.added ? 1 : 0), err => {
        err.added = n;
        throw err;
      })), Promise.resolve(0));
  }

  function notAdded(err) {
    return (err.added ? 'Added ' + plural(err.added, 'phrasing') + ', then one was not: ' : 'Not added: ') + err.message;
  }

  // ------------------------------------------------------------------ what the bot could not answer

  function groupsSummary(n) {
    $('summary').textContent = n
      ? plural(n, 'group') + ' of questions to look at.'
      : 'Nothing to look at: the bot answered everything people asked in these days, or it has all been dealt with.';
  }

  /**
   * After an action on some of a group's questions: the group leaves the list when none is left, else those
   * questions leave it and the rest stay to be dealt with.
   */
  function done(li, picked, message, list, summary) {
    const boxes = Array.from(li.querySelectorAll('.asked input[type=checkbox]'));
    const left = boxes.filter(b => !picked.includes(b.value));
    if (!boxes.length || !left.length) {
      retire(li, message, list, summary);
      return;
    }
    boxes.filter(b => picked.includes(b.value)).forEach(b => b.closest('li').remove());
    left.forEach(b => { b.checked = true; });
    busy(li, false);
    const note = li.querySelector('.note');
    note.classList.remove('bad');
    note.textContent = message + ' ' + plural(left.length, 'question') + ' of this group left.';
    say(note.textContent);
  }

  function group(g, i) {
    const label = g.questions[0].question;
    const li = el('li', null, { class: 'item group', 'data-count': g.count });
    li.appendChild(el('h3', 'Asked ' + times(g.count) + ': ' + quoted(label), { tabindex: '-1', id: 'group-' + i }));
    li.appendChild(el('p', 'First asked ' + date(g.firstSeen) + ', last ' + date(g.lastSeen) + '.', { class: 'meta' }));
    const asked = li.appendChild(el('ul', null, { class: 'asked' }));
    // A group is questions whose words mean nearly the same, which is not always the same question ("inner" or
    // "outer" alignment): with several, the editor ticks the ones an action is for (all, to start with).
    const several = g.questions.length > 1;
    if (several) asked.classList.add('choose');
    g.questions.forEach((q, j) => {
      const text = q.question + (q.count > 1 ? ' (' + q.count + ')' : '');
      const item = asked.appendChild(el('li'));
      if (!several) { item.textContent = text; return; }
      const box = item.appendChild(el('input', null, { type: 'checkbox', id: 'q-' + i + '-' + j, value: q.question }));
      box.checked = true;
      item.appendChild(el('label', text, { for: 'q-' + i + '-' + j }));
    });
    const row = li.appendChild(el('div', null, { class: 'actions' }));
    const pick = row.appendChild(el('span', null, { class: 'pick' }));
    pick.appendChild(el('label', 'Add as phrasings of', { for: 'entry-' + i }));
    const select = pick.appendChild(el('select', null, { id: 'entry-' + i }));
    g.closest.forEach(c => select.appendChild(el('option', c.question, { value: c.id })));
    const add = pick.appendChild(el('button', 'Add', { type: 'button', class: 'add', 'aria-describedby': 'group-' + i }));
    li.appendChild(el('p', null, { role: 'status', class: 'note' }));
    const note = li.querySelector('.note');
    const wordings = () => several
      ? Array.from(li.querySelectorAll('.asked input[type=checkbox]')).filter(b => b.checked).map(b => b.value)
      : g.questions.map(q => q.question);
    add.addEventListener('click', () => {
      const entry = select.selectedOptions[0].textContent;
      const picked = wordings();
      if (!picked.length) { refused(note, 'Tick at least one of the questions first.'); return; }
      busy(li, true);
      note.textContent = 'Adding\u2026';
      addPhrasings(select.value, picked).then(
        n => done(li, picked, (n ? 'Added ' + plural(n, 'phrasing') + ' to ' : 'Nothing new: these were phrasings already of ')
          + quoted(entry) + '.', 'groups', groupsSummary),
        err => { refused(note, notAdded(err)); busy(li, false); });
    });
    decisionButtons(li, row, wordings, label, 'groups', groupsSummary);
    busy(li, false);
    return li;
  }

  function loadGroups(days, gen) {
    return call('GET', '/admin/api/questions?days=' + days).then(data => {
      if (gen !== generation) return;
      problem('groups-section', null, null);
      const list = $('groups');
      list.textContent = '';
      data.groups.forEach((g, i) => list.appendChild(group(g, i)));
      groupsSummary(tally('groups'));
      const more = [];
      if (data.totalGroups > data.groups.length) {
        more.push('These are the ' + data.groups.length + ' most asked of ' + data.totalGroups + ' groups.');
      }
      if (data.ungrouped > 0) {
        more.push(plural(data.ungrouped, 'question') + ' asked for the first time are still being grouped; '
          + 'they show on their own until then.');
      }
      if (more.length) $('summary').textContent += ' ' + more.join(' ');
    });
  }

  // ------------------------------------------------------------------ suggested phrasings

  function suggestionsSummary(n) {
    $('suggestions-summary').textContent = n ? plural(n, 'suggestion') + '.' : 'No suggestions for these days.';
  }

  function suggestion(s, i) {
    const li = el('li', null, { class: 'item suggestion', 'data-entry': s.entryId });
    li.appendChild(el('h3', quoted(s.phrasing), { tabindex: '-1', id: 'suggestion-' + i }));
    li.appendChild(el('p', 'For ' + quoted(s.entryQuestion) + '. Asked ' + times(s.count)
      + ', last ' + date(s.lastSeen) + '.', { class: 'meta' }));
    const why = li.appendChild(el('ul', null, { class: 'reasons', 'aria-label': 'Why' }));
    (s.reasons || []).forEach(r => why.appendChild(el('li', REASONS[r] || r, { 'data-reason': r })));
    const row = li.appendChild(el('div', null, { class: 'actions' }));
    const add = row.appendChild(el('span', null, { class: 'pick' })).appendChild(el('button', 'Add as a phrasing of ' + quoted(s.entryQuestion),
      { type: 'button', class: 'add', 'aria-describedby': 'suggestion-' + i }));
    li.appendChild(el('p', null, { role: 'status', class: 'note' }));
    const note = li.querySelector('.note');
    add.addEventListener('click', () => {
      busy(li, true);
      note.textContent = 'Adding\u2026';
      addPhrasings(s.entryId, [s.phrasing]).then(
        () => retire(li, 'Added ' + quoted(s.phrasing) + ' as a phrasing of ' + quoted(s.entryQuestion) + '.',
          'suggestions', suggestionsSummary),
        err => { refused(note, notAdded(err)); busy(li, false); });
    });
    decisionButtons(li, row, [s.phrasing], s.phrasing, 'suggestions', suggestionsSummary);
    return li;
  }

  function loadSuggestions(days, gen) {
    return call('GET', '/admin/api/suggestions?days=' + days).then(data => {
      if (gen !== generation) return;
      problem('suggestions-section', null, null);
      const list = $('suggestions');
      list.textContent = '';
      data.suggestions.forEach((s, i) => list.appendChild(suggestion(s, i)));
      suggestionsSummary(tally('suggestions'));
    });
  }

  // ------------------------------------------------------------------ answers marked unhelpful

  function unhelpful(a) {
    const li = el('li', null, { class: 'item unhelpful', 'data-entry': a.id });
    const h = li.appendChild(el('h3', null, { tabindex: '-1' }));
    if (a.question) {
      h.appendChild(el('a', a.question, { href: '/faq/' + encodeURIComponent(a.id), target: '_blank', rel: 'noopener' }));
    } else {
      h.textContent = a.id + ' (no longer in the FAQ)';
    }
    li.appendChild(el('p', 'Marked unhelpful ' + times(a.unhelpful) + (a.helpful ? ' and helpful ' + times(a.helpful) : ' and never helpful')
      + '; last marked ' + date(a.lastSeen) + '.', { class: 'meta' }));
    if (a.questions && a.questions.length) {
      li.appendChild(el('p', 'What was asked:', { class: 'lead' }));
      const asked = li.appendChild(el('ul', null, { class: 'asked' }));
      a.questions.forEach(q => asked.appendChild(el('li', q.question + (q.count > 1 ? ' (' + q.count + ')' : ''))));
    }
    return li;
  }

  function loadUnhelpful(days, gen) {
    return call('GET', '/admin/api/unhelpful?days=' + days).then(data => {
      if (gen !== generation) return;
      problem('unhelpful-section', null, null);
      const list = $('unhelpful');
      list.textContent = '';
      data.answers.forEach(a => list.appendChild(unhelpful(a)));
      const n = tally('unhelpful');
      $('unhelpful-summary').textContent = n
        ? plural(n, 'answer') + ' marked unhelpful, most often first.'
        : 'No answer was marked unhelpful in these days.';
    });
  }

  // ------------------------------------------------------------------ needs a new entry

  function loadNewEntries(gen) {
    return call('GET', '/admin/api/new-entries').then(data => {
      if (gen !== generation) return;
      problem('new-entries-section', null, null);
      const list = $('new-entries');
      list.textContent = '';
      data.entries.forEach(e => {
        const li = list.appendChild(el('li', null, { class: 'item new-entry' }));
        li.appendChild(el('h3', quoted(e.question)));
        li.appendChild(el('p', 'Asked ' + times(e.count) + ' (first ' + date(e.firstSeen) + ', last '
          + date(e.lastSeen) + '); marked on ' + date(e.decided) + '.', { class: 'meta' }));
      });
      const n = tally('new-entries');
      $('new-entries-summary').textContent = n
        ? plural(n, 'question') + ' waiting for an entry of their own.'
        : 'No question is waiting for a new entry.';
      $('export').disabled = !n;
    }, err => { problem('new-entries-section', 'load the list', err); });
  }

  /** Fetches the CSV with the token in its header, and hands it to the browser as a download. */
  function exportCsv() {
    const button = $('export');
    button.disabled = true;
    say('Preparing the CSV\u2026');
    request('GET', '/admin/api/new-entries.csv').then(r => r.blob()).then(blob => {
      const url = URL.createObjectURL(blob);
      const a = el('a', null, { href: url, download: 'faq-new-entries-' + new Date().toISOString().slice(0, 10) + '.csv', hidden: '' });
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
      say('Downloaded the list of questions that need a new entry, as CSV.');
      problem('new-entries-section', null, null);
    }, err => {
      say('');
      problem('new-entries-section', 'export the list', err);
    }).then(() => { button.disabled = false; });
  }

  // ------------------------------------------------------------------ traffic charts

  /** The smallest of 1, 2, 4, 5 or 10 times a power of ten that is at least n. */
  function roundUp(n) {
    if (n <= 1) return 1;
    const p = Math.pow(10, Math.floor(Math.log10(n)));
    return [1, 2, 4, 5, 10].map(m => m * p).find(v => v >= n);
  }

  const asked = d => OUTCOMES.reduce((sum, o) => sum + (d[o.key] || 0), 0);
  const rated = d => (d.helpful || 0) + (d.unhelpful || 0);

  function sums(series) {
    const total = { helpful: 0, unhelpful: 0 };
    OUTCOMES.forEach(o => { total[o.key] = 0; });
    series.forEach(d => Object.keys(total).forEach(k => { total[k] += d[k] || 0; }));
    return total;
  }

  /**
   * Up to a month, one bar a day; for longer, one a week (the last week ends today), so that a year is
   * still readable at a glance.
   */
  function buckets(series) {
    if (series.length <= 31) return { unit: 'day', list: series.map(d => Object.assign({ last: d.day }, d)) };
    const list = [];
    for (let end = series.length; end > 0; end -= 7) {
      const week = series.slice(Math.max(0, end - 7), end);
      const sum = sums(week);
      sum.day = week[0].day;
      sum.last = week[week.length - 1].day;
      list.unshift(sum);
    }
    return { unit: 'week', list };
  }

  function span(b) {
    return b.day === b.last ? date(b.day) : date(b.day, true) + ' \u2013 ' + date(b.last);
  }

  function outcomeWords(d) {
    return OUTCOMES.map(o => (d[o.key] || 0) + ' ' + o.words).join(', ');
  }

  /** The frame both charts share: a plot area, its width per day, and the days named below it. */
  function frame(plot, series, height, labelledBy) {
    const width = Math.max(240, Math.floor(plot.clientWidth || 600));
    const box = { left: 40, right: 8, top: 10, bottom: 24 };
    box.width = width - box.left - box.right;
    box.height = height - box.top - box.bottom;
    box.step = box.width / series.length;
    const root = svg('svg', {
      viewBox: '0 0 ' + width + ' ' + height, width, height, role: 'img', 'aria-labelledby': labelledBy,
      class: 'graph'
    });
    const marks = [0, series.length - 1];
    if (series.length > 2) marks.splice(1, 0, Math.floor((series.length - 1) / 2));
    marks.forEach((i, n) => {
      const x = box.left + (i + 0.5) * box.step;
      const anchor = n === 0 ? 'start' : n === marks.length - 1 ? 'end' : 'middle';
      const label = i === series.length - 1 ? 'today' : date(series[i].day, true);
      root.appendChild(svg('text', {
        x: anchor === 'start' ? box.left : anchor === 'end' ? box.left + box.width : x,
        y: height - 6, 'text-anchor': anchor, class: 'axis'
      }, label));
    });
    return { root, box };
  }

  function gridLine(root, box, value, max, label) {
    const y = box.top + box.height - (value / max) * box.height;
    root.appendChild(svg('line', { x1: box.left, x2: box.left + box.width, y1: y, y2: y, class: value ? 'grid' : 'base' }));
    root.appendChild(svg('text', { x: box.left - 6, y: y + 4, 'text-anchor': 'end', class: 'axis' }, label));
  }

  function drawTraffic(series) {
    series = buckets(series).list;
    const plot = $('traffic-chart').querySelector('.plot');
    plot.textContent = '';
    const peak = Math.max(0, ...series.map(asked));
    if (!peak) {
      plot.appendChild(el('p', 'No questions in these days.', { class: 'empty' }));
      return;
    }
    const max = roundUp(peak);
    const { root, box } = frame(plot, series, 200, 'traffic-caption');
    gridLine(root, box, 0, max, '0');
    if (max % 2 === 0) gridLine(root, box, max / 2, max, String(max / 2));
    gridLine(root, box, max, max, String(max));
    const gap = box.step > 6 ? box.step * 0.2 : 0;
    series.forEach((d, i) => {
      const total = asked(d);
      if (!total) return;
      const g = root.appendChild(svg('g', { class: 'day', 'data-day': d.day }));
      g.appendChild(svg('title', null, span(d) + ': ' + plural(total, 'question') + ' (' + outcomeWords(d) + ')'));
      let base = box.top + box.height;
      OUTCOMES.forEach(o => {
        const n = d[o.key] || 0;
        if (!n) return;
        const h = (n / max) * box.height;
        base -= h;
        g.appendChild(svg('rect', {
          x: (box.left + i * box.step + gap / 2).toFixed(2), y: base.toFixed(2),
          width: Math.max(1, box.step - gap).toFixed(2), height: h.toFixed(2), class: 'bar ' + o.key, 'data-n': n
        }));
      });
    });
    plot.appendChild(root);
  }

  function drawHelpful(series) {
    series = buckets(series).list;
    const plot = $('helpful-chart').querySelector('.plot');
    plot.textContent = '';
    if (!series.some(rated)) {
      plot.appendChild(el('p', 'No answer was rated in these days.', { class: 'empty' }));
      return;
    }
    const { root, box } = frame(plot, series, 160, 'helpful-caption');
    [0, 50, 100].forEach(v => gridLine(root, box, v, 100, v + '%'));
    const points = [];
    series.forEach((d, i) => {
      if (!rated(d)) return;
      const share = d.helpful / rated(d);
      points.push([box.left + (i + 0.5) * box.step, box.top + box.height * (1 - share), d, share]);
    });
    if (points.length > 1) {
      root.appendChild(svg('polyline', { points: points.map(p => p[0].toFixed(2) + ',' + p[1].toFixed(2)).join(' '), class: 'line' }));
    }
    points.forEach(([x, y, d, share]) => {
      const dot = root.appendChild(svg('circle', {
        cx: x.toFixed(2), cy: y.toFixed(2), r: points.length > 40 ? 3 : 4, class: 'dot', 'data-day': d.day, 'data-share': Math.round(100 * share)
      }));
      dot.appendChild(svg('title', null, span(d) + ': ' + d.helpful + ' of ' + plural(rated(d), 'rating') + ' helpful ('
        + percent(d.helpful, rated(d)) + ')'));
    });
    plot.appendChild(root);
  }

  /** The few numbers an editor wants first: how many questions, how many answered, how many found helpful. */
  function figures(total, today) {
    const all = asked(total);
    const real = all - total.smalltalk;
    const list = $('figures');
    list.textContent = '';
    [
      ['questions', String(all)],
      ['answered', real ? percent(total.answer, real) : '\u2013'],
      ['rated helpful', rated(total) ? percent(total.helpful, rated(total)) : '\u2013'],
      ['questions today', String(asked(today))]
    ].forEach(([label, value]) => {
      const item = list.appendChild(el('div', null, { class: 'figure' }));
      item.appendChild(el('dt', label));
      item.appendChild(el('dd', value));
    });
  }

  function captions(series, days) {
    const total = sums(series);
    const all = asked(total);
    const today = series[series.length - 1] || {};
    let text = plural(all, 'question') + ' in the last ' + plural(days, 'day') + ': '
      + OUTCOMES.map(o => total[o.key] + ' ' + o.words).join(', ') + '.';
    if (all) text += ' ' + percent(total.answer, all - total.smalltalk) + ' of the questions that were not small talk were answered.';
    text += ' Today: ' + plural(asked(today), 'question') + ' (' + outcomeWords(today) + ').';
    figures(total, today);
    const unit = buckets(series).unit;
    caption('traffic-caption', 'Questions a ' + unit + ', by what the bot did.', text);
    const ratings = rated(total);
    caption('helpful-caption', 'Share of rated answers marked helpful, by ' + unit + '.', ratings
      ? plural(ratings, 'answer') + ' rated: ' + total.helpful + ' helpful (' + percent(total.helpful, ratings) + '), '
        + total.unhelpful + ' unhelpful. Today: ' + (today.helpful || 0) + ' helpful, ' + (today.unhelpful || 0) + ' unhelpful.'
      : ''); // the chart says so in its place
  }

  function caption(id, lead, text) {
    const c = $(id);
    c.textContent = '';
    c.appendChild(el('strong', lead));
    if (text) c.appendChild(document.createTextNode(' ' + text));
  }

  function table(series) {
    const body = $('traffic-table').querySelector('tbody');
    body.textContent = '';
    series.slice().reverse().filter(d => asked(d) || rated(d)).forEach(d => {
      const row = body.appendChild(el('tr', null, { 'data-day': d.day }));
      row.appendChild(el('th', date(d.day), { scope: 'row' }));
      [...OUTCOMES.map(o => o.key), 'helpful', 'unhelpful'].forEach(k => row.appendChild(el('td', d[k] || 0)));
    });
  }

  function drawCharts() {
    if (!traffic) return;
    drawTraffic(traffic.series);
    drawHelpful(traffic.series);
  }

  function loadTraffic(days, gen) {
    return call('GET', '/admin/api/traffic?days=' + days).then(data => {
      if (gen !== generation) return;
      problem('traffic-section', null, null);
      traffic = data;
      captions(data.series, data.days);
      table(data.series);
      drawCharts();
    });
  }

  let resizing = 0;
  window.addEventListener('resize', () => {
    clearTimeout(resizing);
    resizing = setTimeout(drawCharts, 150);
  });

  // ------------------------------------------------------------------ signing in, and loading it all

  function days() {
    return $('days').value;
  }

  /** Loads every section; each shows its own error, so one failing leaves the others readable. */
  function load() {
    const gen = ++generation;
    const d = days();
    const sections = [
      ['traffic-section', 'load the traffic', loadTraffic],
      ['groups-section', 'load the questions', loadGroups],
      ['suggestions-section', 'load the suggestions', loadSuggestions],
      ['unhelpful-section', 'load the unhelpful answers', loadUnhelpful]
    ];
    const main = document.querySelector('main');
    main.setAttribute('aria-busy', 'true');
    const loads = sections.map(([id, what, loader]) => loader(d, gen).catch(err => {
      if (gen === generation) problem(id, what, err);
      throw err;
    }));
    loads.push(loadNewEntries(gen));
    return Promise.allSettled(loads).then(results => {
      main.removeAttribute('aria-busy');
      const refused = results.find(r => r.status === 'rejected' && r.reason.status === 401);
      if (refused) throw refused.reason;
      return results;
    });
  }

  function signedIn() {
    $('login').hidden = true;
    $('editor').hidden = false;
  }

  function signedOut(message) {
    sessionStorage.removeItem(TOKEN);
    generation++;
    traffic = null;
    // Nothing read with the token stays in the page after it is gone.
    ['groups', 'suggestions', 'unhelpful', 'new-entries', 'figures'].forEach(id => { $(id).textContent = ''; });
    document.querySelectorAll('#editor .plot, #editor tbody, #editor figcaption, #editor [role=status]')
      .forEach(e => { e.textContent = ''; });
    $('editor').hidden = true;
    $('login').hidden = false;
    $('login-error').textContent = message || '';
    say('');
  }

  /** Loads everything, and shows it unless the server refused the token. */
  function start() {
    return load().then(() => {
      signedIn();
      drawCharts(); // now that the charts have a width to fill
    });
  }

  const savedDays = sessionStorage.getItem(DAYS);
  if (savedDays && [...$('days').options].some(o => o.value === savedDays)) $('days').value = savedDays;

  $('login').addEventListener('submit', e => {
    e.preventDefault();
    sessionStorage.setItem(TOKEN, $('token').value);
    $('token').value = '';
    start().catch(err => signedOut(err.status === 401 ? 'That token is not the admin token.' : 'Could not sign in: ' + err.message));
  });
  $('signout').addEventListener('click', () => signedOut());
  $('days').addEventListener('change', () => {
    sessionStorage.setItem(DAYS, days());
    say('Showing the last ' + days() + ' days.');
    load().catch(() => {});
  });
  $('export').addEventListener('click', exportCsv);
  if (sessionStorage.getItem(TOKEN)) $('login').hidden = true; // signed in already: no form flashing by
  if (sessionStorage.getItem(TOKEN)) start().catch(err => signedOut(err.status === 401 ? '' : 'Could not sign in: ' + err.message));
})();
