// The playground page: a grid of the in-memory workbook beside the real sidebar.
// Plain browser JavaScript; every cell is rendered with textContent (never innerHTML).
(function () {
  'use strict';
  var STATUS = {
    '未开始': 'notStarted', 'Not started': 'notStarted',
    '正常': 'onTrack', 'On track': 'onTrack',
    '有风险': 'atRisk', 'At risk': 'atRisk',
    '落后': 'offTrack', 'Off track': 'offTrack',
    '已完成': 'done', 'Done': 'done'
  };
  var state = null;
  var shown = null; // name of the sheet shown in the grid
  var selected = null; // A1 of the selected cell
  var grid = document.getElementById('grid');
  var tabs = document.getElementById('tabs');
  var input = document.getElementById('cell-input');
  var cellName = document.getElementById('cell-name');
  var langSel = document.getElementById('sidebar-lang');
  var frame = document.getElementById('sidebar');

  function colLetter(n) { var s = ''; while (n > 0) { var m = (n - 1) % 26; s = String.fromCharCode(65 + m) + s; n = Math.floor((n - 1) / 26); } return s; }
  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = text; return e; }
  function post(url, body) {
    return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(function (r) { return r.json(); });
  }
  function sheetData() { if (!state) return null; for (var i = 0; i < state.sheets.length; i++) if (state.sheets[i].name === shown) return state.sheets[i]; return null; }

  // The in-memory Drive's files (after Distribute): the hub and one tab per unit file.
  var files = document.getElementById('files');
  function refreshFiles() {
    if (!files) return Promise.resolve();
    return fetch('/api/files').then(function (r) { return r.json(); }).then(function (f) {
      files.textContent = '';
      files.hidden = f.files.length < 2;
      f.files.forEach(function (file) {
        var b = el('button', file.id === f.viewing ? 'active' : '', file.title);
        b.setAttribute('data-file', file.id);
        b.addEventListener('click', function () {
          post('/api/file', { id: file.id }).then(function () { shown = null; state = null; return refresh(); });
        });
        files.appendChild(b);
      });
    });
  }

  function refresh() {
    refreshFiles();
    return fetch('/api/workbook').then(function (r) { return r.json(); }).then(function (s) {
      var prevActive = state && state.active;
      state = s;
      var activeChanged = !prevActive || prevActive.sheet !== s.active.sheet || prevActive.a1 !== s.active.a1;
      if (!shown || activeChanged || !sheetData()) {
        shown = s.active.sheet;
        selected = s.active.a1 ? s.active.a1.split(':')[0] : selected;
      }
      render();
      document.body.setAttribute('data-version', String(Number(document.body.getAttribute('data-version') || '0') + 1));
    });
  }

  function render() {
    tabs.textContent = '';
    state.sheets.forEach(function (sh) {
      if (sh.hidden && sh.name !== shown) return;
      var b = el('button', sh.name === shown ? 'active' : '', sh.name);
      b.setAttribute('data-sheet', sh.name);
      b.addEventListener('click', function () {
        shown = sh.name; selected = null;
        post('/api/activate', { sheet: sh.name }).then(refresh);
      });
      tabs.appendChild(b);
    });
    var d = sheetData();
    grid.textContent = '';
    grid.setAttribute('data-sheet', shown || '');
    if (!d) return;
    var table = el('table');
    var cols = 0;
    d.values.forEach(function (r) { cols = Math.max(cols, r.length); });
    // like Sheets, show blank room to type into beyond the data
    cols = Math.max(cols + 2, 10);
    var rows = d.values.slice();
    while (rows.length < Math.max(d.values.length + 20, 40)) rows.push([]);
    var colgroup = el('colgroup');
    var rowHeadCol = el('col'); rowHeadCol.style.width = '40px'; colgroup.appendChild(rowHeadCol);
    for (var w = 0; w < cols; w++) {
      var col = el('col');
      col.style.width = Math.max(40, Math.min(360, (d.widths && d.widths[w]) || 100)) + 'px';
      colgroup.appendChild(col);
    }
    table.appendChild(colgroup);
    var head = el('tr');
    head.appendChild(el('th', 'rowhead', ''));
    for (var c = 1; c <= cols; c++) head.appendChild(el('th', '', colLetter(c)));
    table.appendChild(head);
    rows.forEach(function (row, ri) {
      var tr = el('tr', ri + 1 === d.frozenRows ? 'frozen-last' : '');
      tr.appendChild(el('th', 'rowhead', String(ri + 1)));
      for (var ci = 0; ci < cols; ci++) {
        var v = row[ci] === undefined ? '' : row[ci];
        var a1 = colLetter(ci + 1) + (ri + 1);
        var shown = v === 'TRUE' ? '☑' : v === 'FALSE' ? '☐' : v; // checkboxes, as Sheets draws them
        var td = el('td', '', shown);
        td.setAttribute('data-a1', a1);
        td.title = v;
        var bg = d.backgrounds[ri] && d.backgrounds[ri][ci];
        if (bg && bg !== '#ffffff' && /^#[0-9a-f]{6}$/i.test(bg)) td.style.background = bg;
        if (STATUS[v]) td.classList.add('status-' + STATUS[v]);
        if (/^[-+]?[\d.,]+%?$/.test(v)) td.classList.add('num');
        if (a1 === selected) td.classList.add('selected');
        tr.appendChild(td);
      }
      table.appendChild(tr);
    });
    grid.appendChild(table);
    showSelected(true);
  }

  function showSelected(scroll) {
    var d = sheetData();
    cellName.textContent = selected || '';
    if (!d || !selected) { input.value = ''; return; }
    var m = /^([A-Z]+)(\d+)$/.exec(selected);
    var col = 0; for (var i = 0; i < m[1].length; i++) col = col * 26 + (m[1].charCodeAt(i) - 64);
    var r = Number(m[2]) - 1, c = col - 1;
    var f = d.formulas[r] && d.formulas[r][c];
    input.value = f ? f : (d.values[r] && d.values[r][c] !== undefined ? d.values[r][c] : '');
    if (scroll) {
      var td = grid.querySelector('td[data-a1="' + selected + '"]');
      if (td && td.scrollIntoView) td.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
  }

  grid.addEventListener('click', function (e) {
    var td = e.target && e.target.closest ? e.target.closest('td[data-a1]') : null;
    if (!td) return;
    var prev = grid.querySelector('td.selected');
    if (prev) prev.classList.remove('selected');
    td.classList.add('selected');
    selected = td.getAttribute('data-a1');
    showSelected(false);
    post('/api/activate', { sheet: shown, a1: selected });
  });
  grid.addEventListener('dblclick', function () { input.focus(); input.select(); });
  input.addEventListener('keydown', function (e) {
    if (e.key !== 'Enter' || !selected) return;
    post('/api/cell', { sheet: shown, a1: selected, value: input.value }).then(function (r) {
      cellName.textContent = r.ok ? selected : ('⚠ ' + r.message);
      return refresh();
    });
  });

  function loadSidebar() {
    document.getElementById('sidebar-title').textContent = langSel.value === 'zh-CN' ? 'OKR 助手' : 'OKR Sheets';
    frame.src = '/sidebar.html?lang=' + encodeURIComponent(langSel.value);
  }
  langSel.addEventListener('change', loadSidebar);
  window.addEventListener('message', function (e) {
    if (e.origin !== location.origin || !e.data || e.data.type !== 'okr-rpc') return;
    refresh();
  });

  var qs = new URLSearchParams(location.search);
  var wanted = qs.get('lang') || document.documentElement.getAttribute('data-default-lang');
  langSel.value = wanted === 'en' ? 'en' : 'zh-CN';
  refresh().then(loadSidebar);
})();
