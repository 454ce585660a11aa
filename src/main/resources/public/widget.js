/* faqbot chat widget; see docs/widget.md. Server data is only ever shown as text or as elements built here
   from the answer's runs (emphasis, links to http/https/mailto only); <u> marks are parsed here. */
(() => {
  'use strict';
  var me = document.currentScript;
  if (!me || window.faqbotWidget) return;
  window.faqbotWidget = 1;
  var cfg = me.dataset;
  var api = (cfg.api || new URL(me.src, location.href).origin).replace(/\/+$/, '');
  var title = cfg.title || 'Ask the FAQ';
  /* data-tags="a, b": answer only from entries with one of these tags. */
  var tags = String(cfg.tags || '').split(',').map(t => t.trim()).filter(Boolean);
  var OFFLINE = 'Sorry, the FAQ cannot be reached right now. Please try again in a moment.';
  var SUGGEST_UP_TO = 300; /* characters typed; AISafety.info's longest question has 205 */

  var CSS = ':host{all:initial!important;position:fixed!important;z-index:2147483000!important}' +
    '.fb{--bg:#fff;--fg:#1d2430;--mute:#566070;--line:#d5dae3;--soft:#f1f4f8;--acc:#2456c9;--on:#fff;--me:#e4ecfc;' +
    '--err:#a1261b;all:initial;color-scheme:light;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg)}' +
    '.dark{--bg:#171b22;--fg:#e8ecf2;--mute:#a4adbb;--line:#39414e;--soft:#232935;--acc:#86abff;--on:#0d1320;' +
    '--me:#283652;--err:#ff9a8f;color-scheme:dark}' +
    '*{box-sizing:border-box;font:inherit;color:inherit}button{cursor:pointer}' +
    '.msg em{font-style:italic}.msg strong{font-weight:700}.msg code{font-family:ui-monospace,Menlo,Consolas,monospace}' +
    '.page{font-size:13px}' +
    ':focus-visible{outline:3px solid var(--acc);outline-offset:2px}' +
    '.launcher,.panel{position:fixed;right:20px}.left .launcher,.left .panel{right:auto;left:20px}' +
    '.launcher{bottom:20px;width:56px;height:56px;border-radius:50%;border:0;background:var(--acc);' +
    'color:var(--on);box-shadow:0 4px 14px #0004;display:grid;place-items:center}' +
    '.launcher svg{width:26px;height:26px;fill:currentColor}' +
    '.panel{bottom:88px;width:380px;height:min(600px,calc(100vh - 108px));display:flex;flex-direction:column;' +
    'background:var(--bg);border:1px solid var(--line);border-radius:14px;overflow:hidden;' +
    'box-shadow:0 10px 34px #0005}' +
    '[hidden]{display:none!important}' +
    'header{display:flex;align-items:center;padding:10px 12px 10px 16px;background:var(--acc);color:var(--on)}' +
    'h2{margin:0;flex:1;font-size:16px;font-weight:600}' +
    '.x{border:0;background:none;font-size:24px;line-height:1;padding:2px 8px;border-radius:6px}' +
    '.log{position:relative;flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:10px}' +
    '.msg{padding:9px 12px;border-radius:12px;max-width:92%;overflow-wrap:anywhere;background:var(--soft)}' +
    '.bot{max-width:none}.me{align-self:flex-end;background:var(--me);white-space:pre-wrap}.err{color:var(--err)}' +
    '.msg p,.msg ul,.msg ol,blockquote{margin:0 0 8px}.msg ul,.msg ol{padding-left:22px}' +
    'blockquote{border-left:3px solid var(--line);padding-left:10px;color:var(--mute)}' +
    'u{text-decoration-style:dotted}.reply{font-weight:600}' +
    '.video,.note,summary{color:var(--mute);font-size:13px}' +
    '.video svg{width:11px;height:11px;margin-right:5px;fill:currentColor}' +
    'h3{margin:10px 0 4px;font-size:13px;font-weight:600;color:var(--mute)}' +
    '.chips{display:flex;flex-direction:column;align-items:flex-start;gap:6px}' +
    '.chip{text-align:left;border:1px solid var(--acc);color:var(--acc);background:var(--bg);border-radius:14px;' +
    'padding:5px 10px;font-size:14px}.chip:hover{background:var(--me)}' +
    'summary{cursor:pointer;margin-top:6px}details ol{font-size:13px;margin:6px 0 0}a{color:var(--acc)}' +
    '.rate{display:flex;flex-wrap:wrap;align-items:center;gap:6px;margin-top:8px;font-size:13px;color:var(--mute)}' +
    '.rate button{border:1px solid var(--line);background:var(--bg);border-radius:8px;padding:3px 8px}' +
    '.rate svg{display:block;width:18px;height:18px;fill:currentColor}' +
    '.rate [aria-pressed=true]{border-color:var(--acc);background:var(--me);color:var(--acc)}' +
    'form{display:flex;gap:8px;padding:10px;border-top:1px solid var(--line)}.combo{position:relative;flex:1}' +
    'input{width:100%;padding:9px 11px;border:1px solid var(--line);border-radius:9px;background:var(--bg)}' +
    'input::placeholder{color:var(--mute)}' +
    '.send{border:0;border-radius:9px;padding:0 14px;background:var(--acc);color:var(--on);font-weight:600}' +
    '.send:disabled{opacity:.6}' +
    'ul[role]{position:absolute;left:0;right:0;bottom:calc(100% + 4px);margin:0;padding:4px;list-style:none;' +
    'background:var(--bg);border:1px solid var(--line);border-radius:9px;box-shadow:0 4px 14px #0003}' +
    '[role=option]{padding:7px 9px;border-radius:6px;cursor:pointer}' +
    '[aria-selected=true],[role=option]:hover{background:var(--me)}' +
    '@media (max-width:480px){.panel,.left .panel{inset:0;width:auto;height:auto;border:0;border-radius:0}}';

  /* An element; text always goes in as text. */
  function el(tag, cls, text, attrs) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = String(text);
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    return e;
  }

  function button(parent, cls, text, attrs, onClick) {
    var b = parent.appendChild(el('button', cls, text, attrs));
    b.type = 'button';
    if (onClick) b.addEventListener('click', onClick);
    return b;
  }

  /* Icons are drawn, not emoji, which show as empty boxes where no emoji font is installed. */
  var NS = 'http://www.w3.org/2000/svg';
  var THUMB = 'M2 10h4v11H2zM8 21V10l4.4-7.3a1.2 1.2 0 0 1 1.8-.3c.9.8 1.2 2 .9 3.1L14.3 9H20a2 2 0 0 1 2 2.3l-1.3 ' +
    '8A2 2 0 0 1 18.7 21z';
  var PLAY = 'M7 4v16l13-8z';

  /* An icon in parent: one SVG path, hidden from screen readers (the words are on its control or beside it). */
  function icon(parent, d, flip) {
    var svg = parent.appendChild(document.createElementNS(NS, 'svg')),
      path = svg.appendChild(document.createElementNS(NS, 'path'));
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    path.setAttribute('d', d);
    if (flip) path.setAttribute('transform', 'matrix(1 0 0 -1 0 24)');
    return svg;
  }

  /* Text with <u>…</u> marks (former links) as real <u> elements; every other character stays text. */
  function marked(parent, text) {
    var u = null;
    String(text == null ? '' : text).split(/(<\/?u>)/i).forEach(part => {
      var tag = part.toLowerCase();
      if (tag === '<u>') u = u || parent.appendChild(el('u'));
      else if (tag === '</u>') u = null;
      else if (part) (u || parent).append(part);
    });
    return parent;
  }

  /* A link that opens in a new tab, or null when the URL is not http, https or mailto. */
  function link(parent, href, text) {
    var url = null;
    try { url = new URL(href); } catch (e) { return null; }
    if (!/^(https?|mailto):$/.test(url.protocol)) return null;
    var a = parent.appendChild(el('a', null, text, { target: '_blank', rel: 'noopener noreferrer' }));
    a.href = url.href;
    return a;
  }

  /* An answer's runs: each as text inside the element its look asks for, links checked by link(). */
  var LOOK = { EMPHASIS: 'em', STRONG: 'strong', CODE: 'code', MARK: 'u' };
  function runs(parent, list) {
    (list || []).forEach(r => {
      if (r.kind === 'LINK') {
        if (!link(parent, r.url, r.text)) parent.append(String(r.text));
      } else if (LOOK[r.kind]) parent.appendChild(el(LOOK[r.kind], null, r.text));
      else parent.append(String(r.text == null ? '' : r.text));
    });
    return parent;
  }

  var host = el('faqbot-widget');
  var shadow = host.attachShadow({ mode: 'open' });
  if (shadow.adoptedStyleSheets) {
    var sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS); // works under a page's strict style-src too
    shadow.adoptedStyleSheets = [sheet];
  } else {
    shadow.appendChild(el('style', null, CSS));
  }
  var root = shadow.appendChild(el('div', 'fb ' + (cfg.theme === 'dark' ? 'dark' : 'light') +
    (cfg.position === 'bottom-left' ? ' left' : ' right')));

  var launcher = button(root, 'launcher', null,
    { 'aria-label': title, 'aria-controls': 'fb-panel', 'aria-expanded': 'false' }, () => setOpen(panel.hidden));
  icon(launcher, 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z');

  var panel = root.appendChild(el('section', 'panel', null, { id: 'fb-panel', role: 'dialog', 'aria-label': title }));
  panel.hidden = true;
  var head = panel.appendChild(el('header'));
  head.appendChild(el('h2', null, title));
  button(head, 'x', '\u00d7', { 'aria-label': 'Close' }, () => setOpen(false));
  var log = panel.appendChild(el('div', 'log', null, { role: 'log', 'aria-live': 'polite' }));
  log.appendChild(el('div', 'msg', 'Hi! Ask me a question and I will answer from the FAQ.'));
  var form = panel.appendChild(el('form'));
  var combo = form.appendChild(el('div', 'combo'));
  var input = combo.appendChild(el('input', null, null, {
    type: 'text', autocomplete: 'off', 'aria-label': 'Your question',
    placeholder: cfg.placeholder || 'Type your question\u2026', role: 'combobox',
    'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': 'fb-suggest'
  }));
  var list = combo.appendChild(el('ul', null, null,
    { id: 'fb-suggest', role: 'listbox', 'aria-label': 'Suggested questions' }));
  list.hidden = true;
  var send = form.appendChild(el('button', 'send', 'Send', { type: 'submit' }));

  var context = null, busy = false;

  function setOpen(open) {
    panel.hidden = !open;
    launcher.setAttribute('aria-expanded', String(open));
    if (open) input.focus(); else { hideSuggestions(); launcher.focus(); }
  }
  root.addEventListener('keydown', e => {
    if (e.key === 'Escape' && !e.defaultPrevented && !panel.hidden) { e.preventDefault(); setOpen(false); }
  });

  /* Calls the API; rejects with a sentence fit to show, never a raw response. */
  function call(method, route, body) {
    return fetch(api + route, {
      method, credentials: 'omit', body: body && JSON.stringify(body),
      headers: body ? { 'Content-Type': 'application/json' } : {}
    }).then(res =>
      res.json().catch(() => null).then(data => {
        if (res.ok && data) return data;
        var why = res.status < 500 && data && typeof data.error === 'string' && data.error.slice(0, 300);
        throw new Error(why ? 'Sorry, that did not work: ' + why.replace(/[.\s]*$/, '.') : OFFLINE);
      }), () => { throw new Error(OFFLINE); });
  }

  /* Adds a message and scrolls to it, or to the question it answers when the reply's start stays in view. */
  function add(node, from) {
    log.appendChild(node);
    var short = from && node.offsetTop - from.offsetTop < log.clientHeight * 0.6;
    log.scrollTop = (short ? from : node).offsetTop - 8;
    return node;
  }

  /* Questions as buttons; each sends its number with the token of the message that offered it. */
  function chips(parent, heading, items, token) {
    if (!items || !items.length) return;
    if (heading) parent.appendChild(el('h3', null, heading));
    var box = parent.appendChild(el('div', 'chips', null, { role: 'group', 'aria-label': heading || 'Choices' }));
    items.forEach((item, i) =>
      button(box, 'chip', item.question, null, () => ask(String(i + 1), token, item.question)));
  }

  function blocks(parent, shown) {
    var all = shown.blocks && shown.blocks.length ? shown.blocks
      : String(shown.text || '').split(/\n\s*\n/).map(t => ({ text: t }));
    all.forEach(b => {
      if (b.kind === 'BULLETS' || b.kind === 'NUMBERED') {
        var l = parent.appendChild(el(b.kind === 'NUMBERED' ? 'ol' : 'ul'));
        (b.items || []).forEach((item, i) => {
          var li = l.appendChild(el('li'));
          if (b.itemSpans && b.itemSpans[i]) runs(li, b.itemSpans[i]); else marked(li, item);
        });
      } else if (b.text) {
        var p = parent.appendChild(el(b.kind === 'QUOTE' ? 'blockquote' : 'p'));
        if (b.spans && b.spans.length) runs(p, b.spans); else marked(p, b.text);
      }
    });
  }

  function sources(parent, items) {
    if (!items || !items.length) return;
    var d = parent.appendChild(el('details'));
    d.appendChild(el('summary', null, 'Sources (' + items.length + ')'));
    var ol = d.appendChild(el('ol'));
    items.forEach(s => {
      var li = ol.appendChild(el('li'));
      marked(link(li, s.url) || li, s.text);
    });
  }

  function rating(parent, answerId, question) {
    var row = parent.appendChild(el('div', 'rate'));
    row.appendChild(el('span', null, 'Was this helpful?'));
    var buttons = [[true, 'Yes, helpful'], [false, 'No, not helpful']].map(v => {
      var thumb = button(row, null, null, { 'aria-label': v[1], 'aria-pressed': 'false' }, e => {
        buttons.forEach(b => { b.disabled = true; });
        e.currentTarget.setAttribute('aria-pressed', 'true');
        call('POST', '/api/feedback', { answerId, helpful: v[0], question }).then(() => {
          row.appendChild(el('span', 'note', 'Thanks for your feedback!'));
        }, err => {
          row.appendChild(el('span', 'note err', err.message));
          buttons.forEach(b => { b.disabled = false; b.setAttribute('aria-pressed', 'false'); });
        });
      });
      icon(thumb, THUMB, !v[0]); // thumbs down is thumbs up upside down
      return thumb;
    });
  }

  function show(data, asked, from) {
    var m = el('div', 'msg bot');
    m.appendChild(el('p', 'reply', data.reply));
    var shown = data.answer;
    var outcome = data.outcome || (data.matched ? 'answer' : 'decline');
    if (data.matched && shown) {
      if (shown.video) {
        var video = m.appendChild(el('p', 'video'));
        icon(video, PLAY);
        video.append('Video: ');
        if (!shown.videoUrl || !link(video, shown.videoUrl, shown.video)) video.append(shown.video);
      }
      blocks(m, shown);
      var page = m.appendChild(el('p', 'page'));
      link(page, api + '/faq/' + encodeURIComponent(shown.id), 'Open this answer on its own page');
      chips(m, 'Related questions', data.related, data.context);
      sources(m, data.sources);
      rating(m, shown.id, asked);
    } else {
      /* A clarification's reply asks "Did you mean"; its choices need no heading. */
      chips(m, outcome === 'clarify' ? null : outcome === 'smalltalk' ? 'You could ask' : 'Closest questions',
        data.alternatives, data.context);
    }
    add(m, from);
  }

  function ask(message, token, shownAs) {
    if (busy) return;
    busy = send.disabled = true;
    hideSuggestions();
    var mine = add(el('div', 'msg me', shownAs || message));
    var wait = add(el('div', 'msg note', '\u2026', { 'aria-hidden': 'true' }));
    call('POST', '/api/chat', tags.length ? { message, context: token || null, tags } : { message, context: token || null }).then(data => {
      wait.remove();
      context = data.context || null;
      show(data, shownAs || message, mine);
    }, err => {
      wait.remove();
      add(el('div', 'msg err', err.message));
      /* A typed message that was refused (too long, say) goes back in the box to be mended. */
      if (!shownAs && !input.value) input.value = message;
    }).then(() => { busy = send.disabled = false; });
  }

  function pick(s) {
    input.value = '';
    ask(s.question, context);
  }

  form.addEventListener('submit', e => {
    e.preventDefault();
    var text = input.value.trim();
    if (text && !busy) { input.value = ''; ask(text, context); }
  });

  /* Typing suggestions: a combobox and its listbox; debounced, and stale answers are dropped. */
  var options = [], active = -1, timer = 0, seq = 0;
  function hideSuggestions() {
    seq++;
    clearTimeout(timer);
    options = [];
    active = -1;
    list.hidden = true;
    list.textContent = '';
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  }
  function highlight(i) {
    active = i;
    options.forEach((o, j) => list.children[j].setAttribute('aria-selected', String(j === i)));
    input.setAttribute('aria-activedescendant', 'fb-opt-' + i);
  }
  input.addEventListener('input', () => {
    var q = input.value.trim(), mine;
    hideSuggestions();
    /* Past a question's length the text is a message being written, not a question being looked up. */
    if (q.length < 2 || q.length > SUGGEST_UP_TO) return;
    mine = seq;
    timer = setTimeout(() => {
      call('GET', '/api/suggest?limit=5&q=' + encodeURIComponent(q)).then(data => {
        if (mine !== seq || !data.suggestions.length) return;
        options = data.suggestions;
        options.forEach((s, i) => {
          var li = list.appendChild(el('li', null, s.question,
            { id: 'fb-opt-' + i, role: 'option', 'aria-selected': 'false' }));
          li.addEventListener('mousedown', e => e.preventDefault());
          li.addEventListener('click', () => pick(s));
        });
        list.hidden = false;
        input.setAttribute('aria-expanded', 'true');
      }, () => { /* optional */ });
    }, 200);
  });
  input.addEventListener('keydown', e => {
    var n = options.length;
    if (list.hidden || !n) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      highlight(e.key === 'ArrowDown' ? (active + 1) % n : (active <= 0 ? n : active) - 1);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      hideSuggestions();
    } else if (e.key === 'Enter' && active >= 0) {
      e.preventDefault();
      if (!busy) pick(options[active]);
    }
  });
  input.addEventListener('blur', () => setTimeout(() => shadow.activeElement !== input && hideSuggestions(), 150));

  function mount() {
    document.body.appendChild(host);
    if (cfg.open != null && cfg.open !== 'false') setOpen(true);
  }
  if (document.body) mount(); else document.addEventListener('DOMContentLoaded', mount);
})();
