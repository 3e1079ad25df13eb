// orgplan serve: planning together. Scenarios (create, change by form or by dragging PMs on the board, undo,
// share, submit, approve or reject, merge with a choice per conflict), a record's edit form, and uploads with a dry
// run. Every write sends the version it is based on (If-Match) and the session's CSRF token; whatever comes from
// the data is put in the page as text, never as markup.
(function () {
  'use strict';

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function csrf() {
    var input = document.querySelector('form.signout input[name=csrf]');
    return input ? input.value : '';
  }
  // A request to the API: resolves with {status, body}; the body is JSON when the answer is.
  function call(method, path, body, version, raw) {
    var headers = { Accept: 'application/json', 'X-CSRF-Token': csrf() };
    if (version !== undefined && version !== null && version !== '') headers['If-Match'] = '"' + version + '"';
    var init = { method: method, credentials: 'same-origin', headers: headers };
    if (raw) init.body = raw;
    else if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(path, init).then(function (r) {
      return r.text().then(function (text) {
        var parsed = null;
        try { parsed = JSON.parse(text); } catch (e) { parsed = { error: text }; }
        return { status: r.status, body: parsed };
      });
    });
  }
  function showError(box, answer) {
    box.hidden = false;
    box.textContent = '';
    box.appendChild(el('span', '', answer.body.error || ('the request failed (' + answer.status + ')')));
    var list = answer.body.problems || answer.body.changes_since || answer.body.conflicts;
    if (list && list.length) {
      var ul = el('ul');
      list.forEach(function (item) {
        var line = item.text || item.key || JSON.stringify(item);
        if (item.change) line = '#' + item.number + ' ' + item.change + ' (' + item.by + ')';
        ul.appendChild(el('li', '', line));
      });
      box.appendChild(ul);
    }
  }
  function table(heads, rows) {
    var t = el('table', 'data'), head = t.createTHead().insertRow();
    heads.forEach(function (h) { head.appendChild(el('th', '', h)); });
    var body = t.createTBody();
    rows.forEach(function (cells) {
      var tr = body.insertRow();
      cells.forEach(function (c) {
        var td = tr.insertCell();
        if (c instanceof Node) td.appendChild(c); else td.textContent = c === null || c === undefined ? '' : String(c);
      });
    });
    return t;
  }
  function button(text, onclick, cls) {
    var b = el('button', cls || '', text);
    b.type = 'button';
    b.addEventListener('click', onclick);
    return b;
  }
  function field(form, label, name, value, type) {
    var l = el('label', '', label + ' '), input = el('input');
    input.name = name;
    if (type) input.type = type;
    if (value !== undefined) input.value = value;
    l.appendChild(input);
    form.appendChild(l);
    return input;
  }

  // The scenarios page: create one from the current org.
  var create = document.getElementById('scenario-create');
  if (create) {
    create.addEventListener('submit', function (event) {
      event.preventDefault();
      var name = create.elements.name.value.trim();
      call('POST', '/api/v1/scenarios', { name: name }).then(function (a) {
        if (a.status === 201) location.href = '/scenarios/' + encodeURIComponent(name);
        else showError(document.getElementById('scenario-error'), a);
      });
    });
  }

  // The changes apply knows, with what each asks for (the keys are apply's options).
  var kinds = [
    { key: 'move-pm', label: 'Move a PM to a target', fields: [['move-pm', 'PM id'], ['to', 'to (team:ID, product:ID...)'], ['share', 'share (0-1)']] },
    { key: 'move-person', label: 'Move a person', fields: [['move-person', 'person id'], ['to-manager', 'to manager'], ['to-team', 'to team']] },
    { key: 'set-fte', label: 'Change an FTE', fields: [['set-fte', 'PERSON=FTE']] },
    { key: 'allocate', label: 'Change an allocation', fields: [['allocate', 'PERSON=TEAM:SHARE']] },
    { key: 'add-makers', label: 'Add or remove makers (positions)', fields: [['add-makers', 'TEAM=N (negative: departures)'], ['quarter', 'quarter (YYYY-Qn)']] },
    { key: 'open-role', label: 'Open a role', fields: [['open-role', 'team'], ['family', 'family'], ['fte', 'FTE'], ['quarter', 'quarter']] },
    { key: 'depart', label: 'Plan a departure', fields: [['depart', 'person id'], ['quarter', 'quarter']] },
    { key: 'close-position', label: 'Close a position', fields: [['close-position', 'position id']] },
    { key: 'add-team', label: 'Add a team', fields: [['add-team', 'team id'], ['name', 'name'], ['makers', 'open maker roles'], ['product', 'product'], ['segment', 'segment']] },
    { key: 'set', label: 'Change a setting', fields: [['set', 'KEY=NUMBER']] },
    { key: 'mix', label: 'Hiring mix', fields: [['mix', 'mix']] }
  ];

  var holder = document.getElementById('scenario');
  if (holder) scenarioPage(holder);

  function scenarioPage(holder) {
    var name = holder.dataset.name, api = '/api/v1/scenarios/' + encodeURIComponent(name);
    var error = el('p', 'error');
    error.setAttribute('role', 'alert');
    error.hidden = true;
    var impact = document.getElementById('impact');
    var state = null;

    function reload() { location.reload(); }
    function write(path, body) {
      return call('POST', api + path, body, state.version).then(function (a) {
        if (a.status >= 200 && a.status < 300) { reload(); return a; }
        showError(error, a);
        if (a.status === 409 && a.body.version) {
          // Someone changed the scenario since this page was loaded: say what, and offer it as it is now.
          error.appendChild(button('Show the scenario as it is now', reload, 'reload'));
        }
        return a;
      });
    }

    call('GET', api).then(function (a) {
      if (a.status !== 200) { showError(error, a); holder.appendChild(error); return; }
      state = a.body;
      draw();
    });

    function draw() {
      var head = el('p', 'scenario-state');
      head.appendChild(el('span', 'status status-' + state.status, state.status.replace('_', ' ')));
      head.appendChild(document.createTextNode(' · owner ' + (state.owner || '-') + ' · version ' + state.version +
                                               ' · hiring mix ' + state.mix));
      holder.appendChild(head);
      holder.appendChild(error);
      var tabs = el('nav', 'tabs'), panels = {};
      [['changes', 'Changes'], ['impact', 'Impact'], ['board', 'Board'], ['review', 'Review and sharing']].forEach(function (t) {
        var b = button(t[1], function () { show(t[0]); });
        b.dataset.tab = t[0];
        tabs.appendChild(b);
      });
      holder.appendChild(tabs);
      panels.changes = changesPanel();
      panels.board = boardPanel();
      panels.review = reviewPanel();
      ['changes', 'board', 'review'].forEach(function (k) { holder.appendChild(panels[k]); });
      if (impact) {
        panels.impact = impact;
        markDifferences(impact);
      }
      function show(which) {
        Object.keys(panels).forEach(function (k) { panels[k].hidden = k !== which; });
        tabs.querySelectorAll('button').forEach(function (b) {
          b.setAttribute('aria-selected', b.dataset.tab === which ? 'true' : 'false');
        });
        if (which === 'board' && !panels.board.dataset.loaded) loadBoard(panels.board);
        history.replaceState(null, '', '#' + which);
      }
      show((location.hash || '#changes').slice(1) in panels ? (location.hash || '#changes').slice(1) : 'changes');
    }

    // Rows of the Impact tables whose change is not nil are marked, so the differences stand out.
    function markDifferences(section) {
      section.querySelectorAll('table.data').forEach(function (t) {
        var heads = Array.prototype.map.call(t.tHead.rows[0].cells, function (th) { return th.textContent.trim(); });
        var column = heads.indexOf('change');
        if (column < 0) return;
        Array.prototype.forEach.call(t.tBodies[0].rows, function (row) {
          var text = row.cells[column].textContent.trim();
          if (text !== '' && !/^[-+]?0([.,]0*)?$/.test(text)) row.classList.add('changed');
        });
      });
    }

    function changesPanel() {
      var panel = el('section', 'tab');
      panel.id = 'changes';
      panel.appendChild(el('h2', '', 'Changes'));
      var rows = state.changes.map(function (c) {
        var undo = state.may.edit && c.undoable
          ? button('Undo', function () { write('/undo', { change: c.number }); }, 'undo') : '';
        return [c.number, c.change, c.by || '-', c.at || '-', undo];
      });
      panel.appendChild(rows.length ? table(['#', 'change', 'by', 'at', ''], rows) : el('p', 'none', 'No changes yet.'));
      if (!state.may.edit) return panel;
      var form = el('form', 'options apply');
      form.id = 'apply-form';
      var pick = el('select');
      pick.name = 'kind';
      pick.setAttribute('aria-label', 'Change');
      kinds.forEach(function (k) { var o = el('option', '', k.label); o.value = k.key; pick.appendChild(o); });
      form.appendChild(pick);
      var inputs = el('span', 'inputs');
      form.appendChild(inputs);
      function fields() {
        inputs.textContent = '';
        kinds.filter(function (k) { return k.key === pick.value; })[0].fields.forEach(function (f) {
          field(inputs, f[1], f[0]);
        });
      }
      pick.addEventListener('change', fields);
      fields();
      var submit = el('button', '', 'Apply');
      submit.type = 'submit';
      form.appendChild(submit);
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        var body = {};
        inputs.querySelectorAll('input').forEach(function (i) { if (i.value.trim() !== '') body[i.name] = i.value.trim(); });
        write('/apply', body);
      });
      panel.appendChild(form);
      return panel;
    }

    // Teams as columns with the PMs covering them; a PM dragged onto another team moves there (move-pm). Dragging
    // is done with pointer events, so it works with a mouse, a pen and a finger alike.
    function boardPanel() {
      var panel = el('section', 'tab');
      panel.id = 'board';
      panel.appendChild(el('h2', '', 'Board'));
      panel.appendChild(el('p', 'note', state.may.edit
        ? 'Drag a PM onto another team to move their coverage there, or a person (People of a team) to move their ' +
          'team time there. Moved PMs and people and added teams are marked.'
        : 'Moved PMs and added teams are marked.'));
      return panel;
    }
    function loadBoard(panel) {
      panel.dataset.loaded = '1';
      call('GET', api + '/board').then(function (a) {
        if (a.status !== 200) { showError(error, a); return; }
        var filter = el('input', 'filter');
        filter.type = 'search';
        filter.placeholder = 'Filter teams';
        filter.setAttribute('aria-label', 'Filter teams');
        panel.appendChild(filter);
        var board = el('div', 'board');
        function chip(pm) {
          var c = el('span', 'pm-chip' + (pm.moved ? ' moved' : ''), pm.name || pm.id);
          c.dataset.pm = pm.id;
          c.title = pm.id + (pm.moved ? ' (moved in this scenario)' : '');
          if (state.may.edit) drag(c);
          return c;
        }
        a.body.teams.forEach(function (t) {
          var col = el('div', 'team-col' + (t.added ? ' added' : ''));
          col.dataset.team = t.id;
          col.appendChild(el('div', 'team-name', t.name + (t.added ? ' (added)' : '')));
          col.appendChild(el('div', 'team-makers', t.makers + ' maker FTE'));
          var pms = el('div', 'team-pms');
          t.pms.forEach(function (pm) { pms.appendChild(chip(pm)); });
          col.appendChild(pms);
          if (t.people) {
            var more = button('People (' + t.people + ')', function () {
              more.remove();
              call('GET', api + '/board?team=' + encodeURIComponent(t.id)).then(function (m) {
                if (m.status !== 200) { showError(error, m); return; }
                var list = el('div', 'team-people');
                m.body.people.forEach(function (p) {
                  var c = el('span', 'person-chip fam-' + p.family + (p.moved ? ' moved' : ''), p.name || p.id);
                  c.dataset.person = p.id;
                  c.title = p.id + ' (' + p.family + ', ' + p.allocation + ')' + (p.moved ? ', moved here in this scenario' : '');
                  if (state.may.edit) drag(c);
                  list.appendChild(c);
                });
                col.appendChild(list);
              });
            }, 'show-people');
            col.appendChild(more);
          }
          board.appendChild(col);
        });
        if (a.body.pms_without_team.length) {
          var free = el('div', 'team-col free');
          free.appendChild(el('div', 'team-name', 'PMs on no team'));
          a.body.pms_without_team.forEach(function (pm) { free.appendChild(chip(pm)); });
          board.appendChild(free);
        }
        filter.addEventListener('input', function () {
          var wanted = filter.value.toLowerCase();
          board.querySelectorAll('.team-col').forEach(function (c) {
            c.hidden = wanted !== '' && c.textContent.toLowerCase().indexOf(wanted) < 0;
          });
        });
        panel.appendChild(board);
      });
    }
    function drag(c) {
      c.addEventListener('pointerdown', function (down) {
        down.preventDefault();
        var ghost = c.cloneNode(true), over = null;
        ghost.classList.add('ghost');
        document.body.appendChild(ghost);
        function place(e) {
          ghost.style.left = (e.clientX + 4) + 'px';
          ghost.style.top = (e.clientY + 4) + 'px';
          ghost.hidden = true;
          var below = document.elementFromPoint(e.clientX, e.clientY);
          ghost.hidden = false;
          var col = below && below.closest ? below.closest('.team-col[data-team]') : null;
          if (over && over !== col) over.classList.remove('drop');
          over = col;
          if (over) over.classList.add('drop');
        }
        function up(e) {
          place(e);
          document.removeEventListener('pointermove', place);
          document.removeEventListener('pointerup', up);
          ghost.remove();
          if (!over) return;
          over.classList.remove('drop');
          var from = c.closest('.team-col');
          if (from === over) return;
          // A PM's coverage moves to the team; anyone else's team time does.
          if (c.dataset.pm) write('/apply', { 'move-pm': c.dataset.pm, to: 'team:' + over.dataset.team });
          else write('/apply', { 'move-person': c.dataset.person, 'to-team': over.dataset.team });
        }
        place(down);
        document.addEventListener('pointermove', place);
        document.addEventListener('pointerup', up);
      });
    }

    function reviewPanel() {
      var panel = el('section', 'tab');
      panel.id = 'review';
      panel.appendChild(el('h2', '', 'Review'));
      panel.appendChild(state.review.length
        ? table(['at', 'user', 'action', 'comment'], state.review.map(function (r) {
            return [r.at, r.user, r.action + (r.approvers.length ? ' (asks ' + r.approvers.join(', ') + ')' : ''), r.comment];
          }))
        : el('p', 'none', 'Not submitted yet.'));
      var actions = el('form', 'options review-actions');
      var comment = field(actions, 'Comment', 'comment');
      if (state.may.submit && state.status !== 'in_review') {
        var approvers = field(actions, 'Approvers (user names, optional)', 'approvers');
        actions.appendChild(button('Submit for review', function () {
          var names = approvers.value.split(/[\s,]+/).filter(function (x) { return x; });
          var body = { comment: comment.value };
          if (names.length) body.approvers = names;
          write('/submit', body);
        }));
      }
      if (state.may.submit && state.status === 'in_review')
        actions.appendChild(button('Withdraw', function () { write('/withdraw', { comment: comment.value }); }));
      if (state.may.review) {
        actions.appendChild(button('Approve', function () { write('/approve', { comment: comment.value }); }));
        actions.appendChild(button('Reject', function () { write('/reject', { comment: comment.value }); }));
      }
      if (state.may.merge) actions.appendChild(button('Merge into the org…', function () { mergePreview(panel); }));
      if (actions.querySelector('button')) panel.appendChild(actions);
      panel.appendChild(el('h2', '', 'Shared with'));
      panel.appendChild(state.shares.length
        ? table(['user', 'access'], state.shares.map(function (s) { return [s.user, s.access]; }))
        : el('p', 'none', 'Nobody yet.'));
      if (state.may.share) {
        var share = el('form', 'options share');
        var user = field(share, 'User', 'user');
        var access = el('select');
        access.name = 'access';
        access.setAttribute('aria-label', 'Access');
        ['view', 'edit', 'none'].forEach(function (x) { var o = el('option', '', x); o.value = x; access.appendChild(o); });
        share.appendChild(access);
        var go = el('button', '', 'Share');
        go.type = 'submit';
        share.appendChild(go);
        share.addEventListener('submit', function (event) {
          event.preventDefault();
          write('/share', { user: user.value.trim(), access: access.value });
        });
        panel.appendChild(share);
      }
      return panel;
    }

    // What the merge would write, and each conflict with the org's and the scenario's record to choose between.
    function mergePreview(panel) {
      call('GET', api + '/merge').then(function (a) {
        if (a.status !== 200) { showError(error, a); return; }
        var box = el('div', 'merge-preview');
        box.id = 'merge-preview';
        var p = a.body;
        box.appendChild(el('p', '', p.conflicts.length
          ? p.conflicts.length + ' records were changed in the org and in the scenario since it was made; choose per record.'
          : 'No conflicts: the merge writes the scenario\'s changes.'));
        var choices = {};
        if (p.conflicts.length) {
          box.appendChild(table(['record', 'when made', 'the org now', 'the scenario', 'keep'], p.conflicts.map(function (c) {
            var pick = el('select');
            pick.setAttribute('aria-label', 'keep for ' + c.key);
            [['theirs', 'the scenario'], ['ours', 'the org']].forEach(function (x) {
              var o = el('option', '', x[1]); o.value = x[0]; pick.appendChild(o);
            });
            choices[c.key] = pick;
            return [c.key, JSON.stringify(c.base), JSON.stringify(c.org), JSON.stringify(c.scenario), pick];
          })));
        }
        box.appendChild(button('Merge', function () {
          var body = { choices: {} };
          Object.keys(choices).forEach(function (k) { body.choices[k] = choices[k].value; });
          if ((p.people_removed || []).length) body.allow_removals = window.confirm(
            'The scenario removes ' + p.people_removed.length + ' people from the org. Merge anyway?');
          write('/merge', body);
        }, 'merge'));
        panel.appendChild(box);
      });
    }
  }

  // A record's page: only the fields changed are sent, based on the version shown.
  var edit = document.getElementById('record-edit');
  if (edit) {
    edit.addEventListener('submit', function (event) {
      event.preventDefault();
      var body = {};
      edit.querySelectorAll('input').forEach(function (i) { if (i.value !== i.dataset.was) body[i.name] = i.value; });
      var box = document.getElementById('record-error');
      if (!Object.keys(body).length) { box.hidden = false; box.textContent = 'Nothing changed.'; return; }
      call('PATCH', edit.dataset.api, body, edit.dataset.version).then(function (a) {
        if (a.status === 200) location.reload();
        else showError(box, a);
      });
    });
  }

  // Uploads: a dry run first, then "Apply" sends the same files for real.
  var upload = document.getElementById('import-form');
  if (upload) {
    var result = document.getElementById('import-result'), uploadError = document.getElementById('import-error');
    var send = function (dry) {
      var data = new FormData();
      Array.prototype.forEach.call(upload.elements.files.files, function (f) { data.append('files', f, f.name); });
      var query = '?dry_run=' + (dry ? 1 : 0) + (upload.elements.replace.checked ? '&replace=1' : '');
      uploadError.hidden = true;
      return call('POST', '/api/v1/import' + query, undefined, null, data).then(function (a) {
        result.textContent = '';
        if (a.status !== 200) { showError(uploadError, a); return; }
        var r = a.body;
        result.appendChild(el('p', 'import-summary', (r.written ? 'Written: ' : 'Dry run, nothing written: ') +
          Object.keys(r.records).map(function (k) { return r.records[k] + ' ' + k; }).join(', ') + ' read.'));
        result.appendChild(r.changes.length
          ? table(['records', 'created', 'changed', 'removed', 'ids'], r.changes.map(function (c) {
              return [c.kind, c.created, c.changed, c.removed,
                      c.created_ids.concat(c.changed_ids, c.removed_ids).slice(0, 20).join(', ')];
            }))
          : el('p', 'none', 'The files change nothing.'));
        r.notes.concat(r.ignored_columns).forEach(function (n) { result.appendChild(el('p', 'note', n)); });
        if (dry && r.changes.length) result.appendChild(button('Apply', function () { send(false); }, 'apply-import'));
      });
    };
    upload.addEventListener('submit', function (event) { event.preventDefault(); send(true); });
  }
})();
