// orgplan serve: filtering tables, links from people to the org chart, and the org chart itself. Everything from
// the data is put in the page as text (textContent), never as markup.
(function () {
  'use strict';

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // A filter box above every table: rows stay when they contain what is typed.
  document.querySelectorAll('table.data').forEach(function (table) {
    if (!table.tBodies[0] || table.tBodies[0].rows.length < 2) return;
    var box = el('input', 'filter');
    box.type = 'search';
    box.placeholder = 'Filter rows';
    box.setAttribute('aria-label', 'Filter rows');
    box.addEventListener('input', function () {
      var wanted = box.value.toLowerCase();
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        row.hidden = wanted !== '' && row.textContent.toLowerCase().indexOf(wanted) < 0;
      });
    });
    var wrap = table.closest('.table-wrap') || table;
    wrap.parentNode.insertBefore(box, wrap);
  });

  // Cells naming a person open the org chart at them; a segment opens its products' ratios, a product its teams',
  // a team its roster (the people in it): the drill-down from segment to people. A snapshot's date opens what
  // changed since.
  // A finding's subject may be a person, team, product, segment or goal: /find opens the page of what it is.
  var personColumns = ['person', 'pm', 'manager', 'mentor', 'novice', 'id', 'pms', 'leader'];
  var drill = { segment: '/ratios?by=product&segment=', product: '/ratios?by=team&product=', team: '/roster?team=',
                subject: '/find?id=', 'as of': '/changes?from=' };
  function link(text, href) {
    var a = el('a', '', text);
    a.href = href;
    return a;
  }
  document.querySelectorAll('.answer table.data').forEach(function (table) {
    var heads = Array.prototype.map.call(table.tHead.rows[0].cells, function (th) { return th.textContent.trim().toLowerCase(); });
    heads.forEach(function (head, column) {
      var person = personColumns.indexOf(head) >= 0, down = drill[head];
      if (!person && !down) return;
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        var cell = row.cells[column], text = cell.textContent.trim();
        if (!text || text === '-') return;
        if (down) {
          if (!/^[A-Za-z0-9._:()-]+$/.test(text)) return;
          cell.textContent = '';
          cell.appendChild(link(text, down + encodeURIComponent(text)));
          return;
        }
        var ids = text.split(/;\s*/);
        if (!ids.every(function (id) { return /^[A-Za-z0-9._:-]+$/.test(id); })) return;
        cell.textContent = '';
        ids.forEach(function (id, i) {
          if (i) cell.appendChild(document.createTextNode('; '));
          cell.appendChild(link(id, '/chart?focus=' + encodeURIComponent(id)));
        });
      });
    });
  });

  var chart = document.getElementById('chart');
  if (!chart) return;
  var threshold = parseFloat(chart.dataset.threshold) || 10;
  var colour = document.getElementById('chart-colour');
  var families = ['maker', 'pm', 'product_leader', 'eng_manager', 'other'];
  var legends = {
    family: families,
    ratio: ['ok', 'over', 'no_pm', 'none'],
    origin: ['external_senior', 'internal_transfer', 'newcomer', 'unknown']
  };

  function api(path) {
    return fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) throw new Error(body.error || r.statusText);
        return body;
      });
    });
  }

  function ratioClass(node) {
    if (node.maker_fte <= 0) return 'none';
    if (node.pm_fte <= 0) return 'no_pm';
    return node.maker_fte / node.pm_fte > threshold ? 'over' : 'ok';
  }

  function colourClass(node) {
    var mode = colour.value;
    if (mode === 'ratio') return 'ratio-' + ratioClass(node);
    if (mode === 'origin') return 'origin-' + (node.id.charAt(0) === '@' ? 'unknown' : node.origin);
    return 'fam-' + (node.id.charAt(0) === '@' ? 'other' : node.family);
  }

  function drawLegend() {
    var legend = document.getElementById('chart-legend');
    legend.textContent = '';
    var prefix = { family: 'fam-', ratio: 'ratio-', origin: 'origin-' }[colour.value];
    legends[colour.value].forEach(function (name) {
      var label = colour.value === 'ratio' && name === 'over' ? 'over ' + threshold + ':1' : name.replace('_', ' ');
      legend.appendChild(el('span', prefix + name, label));
    });
  }

  function mixBar(node) {
    var bar = el('span', 'mix');
    bar.title = families.filter(function (f) { return node.families[f]; })
      .map(function (f) { return f.replace('_', ' ') + ' ' + node.families[f]; }).join(', ');
    var total = node.head_count || 1;
    families.forEach(function (f) {
      if (!node.families[f]) return;
      var part = el('span', 'fam-' + f);
      part.style.width = (100 * node.families[f] / total) + '%';
      part.style.background = 'var(--swatch)';
      bar.appendChild(part);
    });
    return bar;
  }

  // One person (or gathering node) with a button that opens or closes their reports.
  function nodeItem(node) {
    var li = el('li');
    li.dataset.id = node.id;
    var box = el('span', 'node ' + colourClass(node));
    box.dataset.id = node.id;
    if (node.reports > 0) {
      var toggle = el('button', 'toggle', node.children ? '−' : '+');
      toggle.type = 'button';
      toggle.setAttribute('aria-expanded', node.children ? 'true' : 'false');
      toggle.setAttribute('aria-label', (node.children ? 'close ' : 'open ') + node.name);
      toggle.addEventListener('click', function () { toggleNode(li, node); });
      box.appendChild(toggle);
    }
    var name = el('button', 'name', node.name);
    name.type = 'button';
    name.title = 'start the chart here';
    name.addEventListener('click', function () { show(node.id); });
    box.appendChild(name);
    if (node.title) box.appendChild(el('span', 'title', node.title));
    if (node.id.charAt(0) !== '@') { // a person: their record (fields, and for hr the form that edits them)
      var record = el('a', 'record', 'record');
      record.href = '/people/' + encodeURIComponent(node.id);
      box.appendChild(record);
    }
    if (node.reports > 0) {
      box.appendChild(el('span', 'count', node.reports + ' reports, ' + (node.head_count - (node.id.charAt(0) === '@' ? 0 : 1)) + ' below'));
      box.appendChild(mixBar(node));
    }
    li.appendChild(box);
    li._node = node;
    if (node.children) li.appendChild(childList(node.children));
    return li;
  }

  function childList(children) {
    var ul = el('ul');
    children.forEach(function (c) { ul.appendChild(nodeItem(c)); });
    return ul;
  }

  function toggleNode(li, node) {
    var open = li.querySelector(':scope > ul');
    var toggle = li.querySelector(':scope > .node > .toggle');
    if (open) {
      open.remove();
      toggle.textContent = '+';
      toggle.setAttribute('aria-expanded', 'false');
      return Promise.resolve(li);
    }
    return api('/api/v1/chart?depth=1&root=' + encodeURIComponent(node.id)).then(function (body) {
      li.appendChild(childList(body.node.children || []));
      toggle.textContent = '−';
      toggle.setAttribute('aria-expanded', 'true');
      return li;
    });
  }

  function drawPath(path) {
    var nav = document.getElementById('chart-path');
    nav.textContent = '';
    path.forEach(function (step, i) {
      if (i > 0) nav.appendChild(document.createTextNode(' › '));
      var b = el('button', '', step.name);
      b.type = 'button';
      b.addEventListener('click', function () { show(step.id); });
      nav.appendChild(b);
    });
  }

  function show(root) {
    return api('/api/v1/chart?depth=1&root=' + encodeURIComponent(root || '')).then(function (body) {
      chart.textContent = '';
      var ul = el('ul');
      ul.appendChild(nodeItem(body.node));
      chart.appendChild(ul);
      drawPath(body.path);
      return body;
    }).catch(function (e) { chart.textContent = e.message; });
  }

  // Opens the chart from the top down to `id`, one level at a time, and marks it.
  function reveal(id) {
    return api('/api/v1/chart?depth=0&root=' + encodeURIComponent(id)).then(function (body) {
      var path = body.path;
      return show(path[0].id).then(function () {
        var step = Promise.resolve();
        path.slice(0, -1).forEach(function (p) {
          step = step.then(function () {
            var li = chart.querySelector('li[data-id="' + CSS.escape(p.id) + '"]');
            if (li && !li.querySelector(':scope > ul')) return toggleNode(li, li._node);
          });
        });
        return step.then(function () {
          var box = chart.querySelector('.node[data-id="' + CSS.escape(id) + '"]');
          if (box) {
            box.classList.add('found');
            box.scrollIntoView({ block: 'center' });
          }
          drawPath(path);
        });
      });
    }).catch(function (e) { chart.textContent = e.message; });
  }

  var search = document.getElementById('chart-search');
  var results = document.getElementById('chart-results');
  var pending;
  search.addEventListener('input', function () {
    clearTimeout(pending);
    pending = setTimeout(function () {
      var q = search.value.trim();
      results.textContent = '';
      if (!q) return;
      api('/api/v1/people?q=' + encodeURIComponent(q)).then(function (body) {
        results.textContent = '';
        body.people.forEach(function (p) {
          var li = el('li'), b = el('button', '', p.name + (p.title ? ' — ' + p.title : '') + ' (' + p.id + ')');
          b.type = 'button';
          b.addEventListener('click', function () { results.textContent = ''; reveal(p.id); });
          li.appendChild(b);
          results.appendChild(li);
        });
        if (!body.people.length) results.appendChild(el('li', '', 'nobody matches'));
      });
    }, 200);
  });

  colour.addEventListener('change', function () {
    drawLegend();
    chart.querySelectorAll('li').forEach(function (li) {
      var box = li.querySelector(':scope > .node');
      box.className = 'node ' + colourClass(li._node) + (box.classList.contains('found') ? ' found' : '');
    });
  });

  drawLegend();
  var focus = new URLSearchParams(location.search).get('focus');
  if (focus) reveal(focus); else show('');
})();
