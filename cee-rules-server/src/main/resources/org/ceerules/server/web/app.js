/*
 * The routing page of the cee-rules decision service: a form (or a JSON text) for one request,
 * POST /v1/explain, and the decision or the errors. Plain JavaScript, no library; every text that
 * comes from the service or from the user is written with textContent, never as HTML.
 */
'use strict';

(function () {
  /** The request of cee-rules-examples/samples/participant-consumption.json. */
  var SAMPLE = {
    asOf: '2016-05-02',
    account: {
      importerNumber: '12-345678900',
      name: 'Nokia Inc',
      center: '007',
      participationStart: '2014-03-01',
      withdrawalEffective: '2017-01-01'
    },
    entrySummary: {
      entryNumber: '345-6789012-3',
      entryType: '01',
      portOfEntry: '2704',
      entryDate: '2016-04-20',
      lines: [{ hts: '8517.62.0090', enteredValue: '125000.00', adcvdCase: 'A-570-000' }]
    }
  };

  var ACCOUNT_FIELDS = ['importerNumber', 'name', 'center', 'participationStart', 'withdrawalEffective'];
  var ENTRY_FIELDS = ['entryNumber', 'entryType', 'portOfEntry', 'entryDate'];
  var LINE_FIELDS = ['hts', 'enteredValue', 'adcvdCase'];

  /** The names a person reads for each trade function (the contract's constants otherwise). */
  var FUNCTION_NAMES = {
    CARGO_RELEASE: 'Cargo release',
    ENTRY_SUMMARY_REVIEW: 'Entry summary review',
    REQUEST_FOR_INFORMATION: 'Request for information (CBP Form 28)',
    NOTICE_OF_ACTION: 'Notice of action (CBP Form 29)',
    SUMMARY_REJECTION: 'Entry summary rejection',
    CANCELLATION: 'Cancellation',
    CENSUS_REJECT: 'Census warning reject',
    PAYMENT: 'Payment',
    LIQUIDATED_DAMAGES: 'Liquidated damages',
    LIQUIDATION: 'Liquidation',
    POST_SUMMARY_CORRECTION: 'Post-summary correction',
    POST_ENTRY_AMENDMENT: 'Post-entry amendment',
    POST_IMPORTATION_CLAIM: 'Post-importation claim',
    INTERNAL_ADVICE: 'Internal advice',
    PROTEST: 'Protest',
    FURTHER_REVIEW: 'Further review of a protest',
    PRIOR_DISCLOSURE: 'Prior disclosure',
    ENFORCEMENT: 'Enforcement',
    DRAWBACK: 'Drawback',
    RECONCILIATION: 'Reconciliation'
  };

  var DRAWBACK_OFFICES = {
    NEW_YORK: 'New York',
    CHICAGO: 'Chicago',
    SAN_FRANCISCO: 'San Francisco',
    HOUSTON: 'Houston'
  };

  /** The labels of the request's fields, for the summary of errors. */
  var FIELD_NAMES = {
    '$': 'The request',
    asOf: 'Route as of',
    account: 'Account',
    'account.importerNumber': 'Importer number',
    'account.name': 'Account name',
    'account.center': 'Center of the account',
    'account.participationStart': 'Participation start',
    'account.withdrawalEffective': 'Withdrawal effective',
    entrySummary: 'Entry summary',
    'entrySummary.entryNumber': 'Entry number',
    'entrySummary.entryType': 'Entry type',
    'entrySummary.portOfEntry': 'Port of entry',
    'entrySummary.entryDate': 'Entry date',
    'entrySummary.lines': 'Lines',
    hts: 'HTS number',
    enteredValue: 'Entered value',
    adcvdCase: 'AD/CVD case'
  };

  var state = {
    centers: {},
    centerList: [],
    jsonMode: false,
    busy: false
  };

  // ---------------------------------------------------------------------------------------------
  // small helpers

  var $ = CeeRules.$;
  var el = CeeRules.el;
  var append = CeeRules.append;
  var getLines = CeeRules.getLines;
  var certaintyView = CeeRules.certaintyView;

  /** A link to a page of this service or to an https or http address; anything else is plain text. */
  function link(href, text, external) {
    if (!/^(https?:\/\/|\/(?!\/)|#)/.test(href || '')) {
      return el('span', null, text);
    }
    var a = el('a', null, text);
    a.href = href;
    if (external) {
      a.rel = 'noopener noreferrer';
      a.target = '_blank';
      append(a, el('span', 'visually-hidden', ' (opens in a new tab)'));
    }
    return a;
  }

  function visuallyHidden(text) {
    return el('span', 'visually-hidden', text);
  }

  function today() {
    var d = new Date();
    var month = String(d.getMonth() + 1).padStart(2, '0');
    var day = String(d.getDate()).padStart(2, '0');
    return d.getFullYear() + '-' + month + '-' + day;
  }

  function plural(n, one, many) {
    return n + ' ' + (n === 1 ? one : many);
  }

  function functionName(code) {
    if (FUNCTION_NAMES[code]) {
      return FUNCTION_NAMES[code];
    }
    var words = String(code).toLowerCase().replace(/_/g, ' ');
    return words.charAt(0).toUpperCase() + words.slice(1);
  }

  // ---------------------------------------------------------------------------------------------
  // the Centers and the version, for the select, the links and the footer

  function centerLabel(code) {
    var center = state.centers[code];
    return center ? 'Center ' + code + ' \u2014 ' + center.industry : 'Center ' + code;
  }

  function loadCenters() {
    var select = $('f-account-center');
    var chosen = select.value;
    getLines('/v1/centers').then(function (centers) {
      state.centerList = centers;
      centers.forEach(function (center) {
        state.centers[center.teamCode] = center;
      });
      fillCenterOptions(select, chosen);
      var links = $('center-links');
      links.textContent = '';
      centers.forEach(function (center, i) {
        if (i > 0) {
          append(links, ' ');
        }
        var a = link('/centers/' + encodeURIComponent(center.teamCode), center.teamCode);
        a.title = center.industry;
        append(links, a);
      });
      relabelCenterLinks();
    }).catch(function () {
      fillCenterOptions(select, chosen);
      $('center-links').textContent = '001 to 010';
    });
  }

  function fillCenterOptions(select, chosen) {
    while (select.options.length > 1) {
      select.remove(1);
    }
    for (var i = 1; i <= 10; i++) {
      var code = String(i).padStart(3, '0');
      var option = document.createElement('option');
      option.value = code;
      option.textContent = centerLabel(code);
      select.appendChild(option);
    }
    select.value = chosen || '';
  }

  /** The Center links of a decision shown before the Centers were loaded get their industry. */
  function relabelCenterLinks() {
    Array.prototype.forEach.call(document.querySelectorAll('a[data-center]'), function (a) {
      a.textContent = centerLabel(a.getAttribute('data-center'));
    });
  }

  function loadVersion() {
    fetch('/v1/version').then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (version) {
      if (version) {
        $('version').textContent = version.program + ' ' + version.version + ', rules ' + version.rulesVersion;
        $('rules-link').hidden = version.rulePages !== true;
      }
    }).catch(function () { /* the footer keeps its name */ });
  }

  // ---------------------------------------------------------------------------------------------
  // the lines of the form

  function lineItems() {
    return Array.prototype.slice.call($('lines').children);
  }

  function addLine(values, focus) {
    var item = $('line-template').content.firstElementChild.cloneNode(true);
    LINE_FIELDS.forEach(function (name) {
      item.querySelector('[data-field="' + name + '"]').value = values && values[name] != null ? String(values[name]) : '';
    });
    item.querySelector('.remove-line').addEventListener('click', function () {
      removeLine(item);
    });
    $('lines').appendChild(item);
    renumberLines();
    if (focus) {
      item.querySelector('[data-field="hts"]').focus();
    }
    return item;
  }

  function removeLine(item) {
    var items = lineItems();
    var index = items.indexOf(item);
    item.remove();
    renumberLines();
    var rest = lineItems();
    var next = rest[Math.min(index, rest.length - 1)];
    if (next) {
      next.querySelector('[data-field="hts"]').focus();
    } else {
      $('add-line').focus();
    }
    setStatus('Line ' + (index + 1) + ' removed; ' + plural(rest.length, 'line', 'lines') + ' left.', true);
  }

  /** Gives each line's inputs the ids of their fields' paths: f-entrySummary-lines-0-hts. */
  function renumberLines() {
    lineItems().forEach(function (item, i) {
      var base = 'f-entrySummary-lines-' + i;
      var fieldset = item.querySelector('fieldset');
      fieldset.id = base;
      Array.prototype.forEach.call(item.querySelectorAll('.line-number'), function (span) {
        span.textContent = String(i + 1);
      });
      var groupError = item.querySelector('.line-error');
      if (!groupError) {
        groupError = el('p', 'field-error line-error');
        groupError.hidden = true;
        fieldset.insertBefore(groupError, fieldset.children[1]);
      }
      groupError.id = base + '-error';
      LINE_FIELDS.forEach(function (name) {
        var id = base + '-' + name;
        var input = item.querySelector('[data-field="' + name + '"]');
        input.id = id;
        input.name = 'lines[' + i + '].' + name;
        item.querySelector('[data-for="' + name + '"]').htmlFor = id;
        var described = [];
        var hint = item.querySelector('[data-id="' + name + '-hint"]');
        if (hint) {
          hint.id = id + '-hint';
          described.push(hint.id);
        }
        item.querySelector('[data-id="' + name + '-error"]').id = id + '-error';
        described.push(id + '-error');
        input.setAttribute('aria-describedby', described.join(' '));
      });
    });
  }

  // ---------------------------------------------------------------------------------------------
  // the request: from the form, into the form

  function value(id) {
    return $(id).value.trim();
  }

  /** The request the form holds: empty fields are left out, so the service names the missing ones. */
  function formRequest() {
    var request = {};
    if (value('f-asOf')) {
      request.asOf = value('f-asOf');
    }
    var account = {};
    ACCOUNT_FIELDS.forEach(function (name) {
      var v = value('f-account-' + name);
      if (v) {
        account[name] = v;
      }
    });
    request.account = account;
    var entry = {};
    ENTRY_FIELDS.forEach(function (name) {
      var v = value('f-entrySummary-' + name);
      if (v) {
        entry[name] = v;
      }
    });
    entry.lines = lineItems().map(function (item) {
      var line = {};
      LINE_FIELDS.forEach(function (name) {
        var v = item.querySelector('[data-field="' + name + '"]').value.trim();
        if (v) {
          line[name] = v;
        }
      });
      return line;
    });
    request.entrySummary = entry;
    return request;
  }

  function isObject(v) {
    return v !== null && typeof v === 'object' && !Array.isArray(v);
  }

  function text(v) {
    return v === undefined || v === null ? '' : String(v);
  }

  /** What of a request the form cannot hold, as paths; empty when it holds all of it. */
  function notInForm(request) {
    if (!isObject(request)) {
      return ['$'];
    }
    var extra = [];
    function scalars(object, known, prefix, except) {
      Object.keys(object).forEach(function (key) {
        var v = object[key];
        if (key === except) {
          return;
        }
        if (known.indexOf(key) < 0 || (v !== null && typeof v === 'object')) {
          extra.push(prefix + key);
        }
      });
    }
    scalars(request, ['asOf', 'account', 'entrySummary'], '', null);
    extra = extra.filter(function (path) {
      return path !== 'account' && path !== 'entrySummary';
    });
    if (request.account != null) {
      if (isObject(request.account)) {
        scalars(request.account, ACCOUNT_FIELDS, 'account.', null);
      } else {
        extra.push('account');
      }
    }
    var entry = request.entrySummary;
    if (entry != null) {
      if (!isObject(entry)) {
        extra.push('entrySummary');
      } else {
        scalars(entry, ENTRY_FIELDS, 'entrySummary.', 'lines');
        if (entry.lines != null && !Array.isArray(entry.lines)) {
          extra.push('entrySummary.lines');
        } else {
          (entry.lines || []).forEach(function (line, i) {
            if (isObject(line)) {
              scalars(line, LINE_FIELDS, 'entrySummary.lines[' + i + '].', null);
            } else {
              extra.push('entrySummary.lines[' + i + ']');
            }
          });
        }
      }
    }
    return extra;
  }

  function fillForm(request) {
    $('f-asOf').value = text(request.asOf);
    var account = request.account || {};
    ACCOUNT_FIELDS.forEach(function (name) {
      $('f-account-' + name).value = text(account[name]);
    });
    var entry = request.entrySummary || {};
    ENTRY_FIELDS.forEach(function (name) {
      $('f-entrySummary-' + name).value = text(entry[name]);
    });
    $('lines').textContent = '';
    (entry.lines || []).forEach(function (line) {
      addLine(line, false);
    });
    if (lineItems().length === 0) {
      addLine(null, false);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // form or JSON

  function showJson(on) {
    state.jsonMode = on;
    $('form-fields').hidden = on;
    $('json-editor').hidden = !on;
    var toggle = $('toggle-json');
    toggle.setAttribute('aria-pressed', on ? 'true' : 'false');
    toggle.textContent = on ? 'Edit as a form' : 'Edit as JSON';
  }

  function toggleJson() {
    clearErrors();
    if (!state.jsonMode) {
      $('f-json').value = JSON.stringify(formRequest(), null, 2);
      showJson(true);
      $('f-json').focus();
      setStatus('Editing the request as JSON.', true);
      return;
    }
    var parsed;
    try {
      parsed = JSON.parse($('f-json').value);
    } catch (e) {
      showErrors([{ field: '$', message: 'is not valid JSON, so the form cannot show it: ' + e.message }]);
      return;
    }
    var extra = notInForm(parsed);
    if (extra.length > 0) {
      showErrors([{ field: '$', message: 'holds what the form cannot show (' + extra.slice(0, 5).join(', ')
          + (extra.length > 5 ? ', \u2026' : '') + '): correct it here, or route it as JSON' }]);
      return;
    }
    fillForm(parsed);
    showJson(false);
    $('f-asOf').focus();
    setStatus('Editing the request as a form.', true);
  }

  function loadSample() {
    clearErrors();
    if (state.jsonMode) {
      $('f-json').value = JSON.stringify(SAMPLE, null, 2);
    } else {
      fillForm(SAMPLE);
    }
    setStatus('The sample request is filled in: a participating account of Center 007 (Electronics).', true);
  }

  // ---------------------------------------------------------------------------------------------
  // errors

  /** The id of the input of a field path: entrySummary.lines[0].hts is f-entrySummary-lines-0-hts. */
  function fieldId(path) {
    return 'f-' + path.replace(/\[(\d+)\]/g, '.$1').replace(/\./g, '-');
  }

  /** The path of a field's parent: entrySummary.lines[0].foo, account["a b"] are in their objects. */
  function parentPath(path) {
    var m = /^(.*?)(\[[^\]]*\]|\.[^.[]*)$/.exec(path);
    return m ? m[1] : '';
  }

  /** Where a field's error is shown: the nearest field or group of the form that has a place for it. */
  function errorTarget(path) {
    if (state.jsonMode) {
      return 'f-json';
    }
    for (var p = path; p && p !== '$'; p = parentPath(p)) {
      var id = fieldId(p);
      if ($(id) && $(id + '-error')) {
        return id;
      }
    }
    return null;
  }

  function fieldName(path) {
    if (FIELD_NAMES[path]) {
      return FIELD_NAMES[path];
    }
    var line = /^entrySummary\.lines\[(\d+)\](?:\.(\w+))?/.exec(path);
    if (line) {
      var number = 'Line ' + (Number(line[1]) + 1);
      return line[2] ? number + ', ' + (FIELD_NAMES[line[2]] || line[2]) : number;
    }
    return path;
  }

  function clearErrors() {
    $('error-summary').hidden = true;
    $('error-summary-list').textContent = '';
    Array.prototype.forEach.call(document.querySelectorAll('.field-error'), function (p) {
      p.hidden = true;
      p.textContent = '';
    });
    Array.prototype.forEach.call(document.querySelectorAll('[aria-invalid]'), function (node) {
      node.removeAttribute('aria-invalid');
    });
    Array.prototype.forEach.call(document.querySelectorAll('.has-error'), function (node) {
      node.classList.remove('has-error');
    });
  }

  function focusField(id) {
    var target = $(id);
    if (!target) {
      return;
    }
    if (target.tagName === 'FIELDSET') {
      var first = target.querySelector('input, select, textarea, button');
      target = first || target;
    }
    target.focus();
    target.scrollIntoView({ block: 'center' });
  }

  /** Each error next to its field, and all of them in the summary at the top, with links to the fields. */
  function showErrors(errors) {
    clearErrors();
    // a decision shown before is not this request's: it goes
    $('results').hidden = true;
    $('results').textContent = '';
    var list = $('error-summary-list');
    var first = null;
    errors.forEach(function (error) {
      var path = String(error.field);
      var message = String(error.message);
      var target = errorTarget(path);
      var name = fieldName(path);
      var item = el('li');
      if (target) {
        first = first || target;
        var place = $(target + '-error');
        if (place.textContent) {
          append(place, el('br'));
        } else {
          append(place, visuallyHidden('Error: '));
        }
        var own = path === '$' || (!state.jsonMode && fieldId(path) === target);
        append(place, own ? message : path + ': ' + message);
        place.hidden = false;
        var input = $(target);
        if (input.tagName !== 'FIELDSET') {
          input.setAttribute('aria-invalid', 'true');
        }
        var wrapper = input.closest('.field') || input;
        wrapper.classList.add('has-error');
        var a = link('#' + target, name + ': ' + message);
        a.addEventListener('click', function (event) {
          event.preventDefault();
          focusField(target);
        });
        append(item, a);
      } else {
        append(item, name + ': ' + message);
      }
      if (path !== name) {
        append(item, el('span', 'path', [' ', el('code', null, path)]));
      }
      list.appendChild(item);
    });
    $('error-summary-heading').textContent = errors.length === 1
        ? 'The request was not routed: 1 problem'
        : 'The request was not routed: ' + errors.length + ' problems';
    $('error-summary').hidden = false;
    setStatus('The request was not routed: ' + plural(errors.length, 'problem', 'problems')
        + '. ' + errors.map(function (e) { return fieldName(String(e.field)) + ': ' + e.message; }).join('; '));
    $('error-summary').focus();
    return first;
  }

  /** The status line, read out by screen readers; once a decision is shown it is for them only. */
  function setStatus(message, readerOnly) {
    var status = $('status');
    status.textContent = message;
    status.classList.toggle('visually-hidden', Boolean(readerOnly));
  }

  // ---------------------------------------------------------------------------------------------
  // routing

  function submit(event) {
    event.preventDefault();
    if (state.busy) {
      return;
    }
    var body = state.jsonMode ? $('f-json').value : JSON.stringify(formRequest());
    state.busy = true;
    $('busy').hidden = false;
    $('submit').setAttribute('aria-disabled', 'true');
    setStatus('Routing\u2026');
    fetch('/v1/explain', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: body
    }).then(function (response) {
      return response.text().then(function (textBody) {
        var answer = null;
        try {
          answer = JSON.parse(textBody);
        } catch (e) {
          answer = null;
        }
        return { status: response.status, answer: answer };
      });
    }).then(function (result) {
      var answer = result.answer;
      if (answer && Array.isArray(answer.routes)) {
        clearErrors();
        showDecision(answer);
      } else if (answer && Array.isArray(answer.errors)) {
        showErrors(answer.errors);
      } else {
        showErrors([{ field: '$', message: 'the service answered ' + result.status + ' without a decision' }]);
      }
    }).catch(function (e) {
      showErrors([{ field: '$', message: 'the service could not be reached: ' + e.message }]);
    }).then(function () {
      state.busy = false;
      $('busy').hidden = true;
      $('submit').removeAttribute('aria-disabled');
    });
  }

  // ---------------------------------------------------------------------------------------------
  // the decision

  function officeView(office) {
    switch (office.type) {
      case 'CENTER': {
        var a = link('/centers/' + encodeURIComponent(office.code), centerLabel(office.code));
        a.setAttribute('data-center', office.code);
        return el('span', 'office office-center', a);
      }
      case 'PORT':
        return el('span', 'office office-port', ['Port of entry ', el('strong', null, office.code)]);
      case 'DRAWBACK_CENTER':
        return el('span', 'office office-drawback', office.code
            ? ['Drawback office ', el('strong', null, DRAWBACK_OFFICES[office.code] || office.code)]
            : 'A drawback office of the filer\u2019s choice');
      case 'REGULATIONS_AND_RULINGS':
        return el('span', 'office office-rr', 'Regulations and Rulings (Office of Trade)');
      default:
        return el('span', 'office', [office.type, office.code ? ' ' + office.code : '']);
    }
  }

  function citationsView(citations, sources) {
    var list = el('ul', 'citations');
    (citations || []).forEach(function (citation) {
      var source = sources[citation.source];
      var label = source ? source.citation : citation.source;
      if (citation.pinpoint) {
        label += ', ' + citation.pinpoint;
      }
      var item = el('li');
      var a = source && source.url ? link(source.url, label, true) : el('span', null, label);
      if (source) {
        a.title = source.title + ' \u2014 ' + source.issuer + (source.date ? ', ' + source.date : '');
      }
      append(item, a);
      if (source && source.kind === 'secondary') {
        append(item, el('span', 'source-kind', ' (secondary source)'));
      }
      list.appendChild(item);
    });
    return list;
  }

  function copyText(value, button, what) {
    function done(ok) {
      var status = $('copy-status');
      if (ok) {
        button.textContent = 'Copied';
        status.textContent = 'Copied the subject line of ' + what + ': ' + value;
      } else {
        status.textContent = 'Copying is not allowed here: the subject line is selected, press Ctrl+C (or \u2318C) to copy it.';
        var code = button.parentNode.querySelector('code');
        var range = document.createRange();
        range.selectNodeContents(code);
        var selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
      }
      window.setTimeout(function () {
        button.textContent = 'Copy';
      }, 2500);
    }
    function fallback() {
      var area = document.createElement('textarea');
      area.value = value;
      area.setAttribute('readonly', '');
      area.className = 'offscreen';
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try {
        ok = document.execCommand('copy');
      } catch (e) {
        ok = false;
      }
      area.remove();
      button.focus();
      done(ok);
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(value).then(function () {
        done(true);
      }, fallback);
    } else {
      fallback();
    }
  }

  function submissionView(submission, route) {
    var wrap = el('div', 'submission');
    var subject = el('p', 'subject-line');
    var code = el('code', 'subject', submission.subject);
    var button = el('button', 'copy secondary', 'Copy');
    button.type = 'button';
    var what = functionName(route.function);
    button.setAttribute('aria-label', 'Copy the subject line of ' + what);
    button.addEventListener('click', function () {
      copyText(submission.subject, button, what);
    });
    append(subject, [el('span', 'label', 'Subject: '), code, ' ', button]);
    wrap.appendChild(subject);
    var to = el('p', 'to', el('span', 'label', 'To: '));
    (submission.to || []).forEach(function (address, i) {
      if (i > 0) {
        append(to, ', ');
      }
      var a = el('a', null, address);
      a.href = 'mailto:' + encodeURIComponent(address).replace(/%40/g, '@')
          + '?subject=' + encodeURIComponent(submission.subject);
      to.appendChild(a);
    });
    wrap.appendChild(to);
    if (submission.certainty && submission.certainty !== 'confirmed') {
      wrap.appendChild(el('p', 'format-note', [certaintyView(submission.certainty, 'format'),
        ' The subject line\u2019s format is confirmed for work routed up to 2017-06-29 only.']));
    }
    return wrap;
  }

  function definition(list, term, description) {
    list.appendChild(el('dt', null, term));
    list.appendChild(el('dd', null, description));
  }

  function routeView(route, sources) {
    var name = functionName(route.function);
    var card = el('li', 'route route-' + route.certainty);
    card.id = 'route-' + route.function;
    card.setAttribute('data-function', route.function);
    var header = el('div', 'route-header', [
      el('h4', null, name),
      certaintyView(route.certainty)
    ]);
    card.appendChild(header);
    if (route.certainty === 'inferred') {
      card.appendChild(el('p', 'inferred-note', [el('strong', null, 'Inferred: '),
        'this route is the rule set\u2019s reading; no official text says so. Check before relying on it.']));
    }
    var details = el('dl', 'route-details');
    definition(details, 'Office', officeView(route.office));
    if (route.alternatives && route.alternatives.length > 0) {
      var alternatives = el('ul', 'alternatives');
      route.alternatives.forEach(function (office) {
        alternatives.appendChild(el('li', null, officeView(office)));
      });
      definition(details, route.office.type === 'DRAWBACK_CENTER' && !route.office.code ? 'Any of' : 'Or', alternatives);
    }
    definition(details, 'Rule', route.rule);
    definition(details, 'Sources', citationsView(route.citations, sources));
    if (route.submission) {
      definition(details, 'E-mail', submissionView(route.submission, route));
    }
    card.appendChild(details);
    return card;
  }

  function firedRulesView(firedRules) {
    var box = el('details', 'fired-rules');
    box.id = 'fired-rules';
    box.appendChild(el('summary', null, 'Rules that fired, in order (' + firedRules.length + ')'));
    var list = el('ol', 'fired-rule-list');
    firedRules.forEach(function (fired) {
      var item = el('li', 'fired-rule');
      item.appendChild(el('p', 'fired-rule-name', fired.rule));
      if (fired.authority) {
        item.appendChild(el('p', 'fired-rule-authority', fired.authority));
      }
      item.appendChild(el('p', 'fired-rule-functions', fired.functions && fired.functions.length > 0
          ? 'Decided: ' + fired.functions.map(functionName).join(', ')
          : 'Decided no route (overruled)'));
      list.appendChild(item);
    });
    box.appendChild(list);
    return box;
  }

  function overviewView(decision) {
    var byOffice = [];
    var index = {};
    decision.routes.forEach(function (route) {
      var key = route.office.type + ' ' + (route.office.code || '');
      if (!(key in index)) {
        index[key] = byOffice.length;
        byOffice.push({ office: route.office, functions: [] });
      }
      byOffice[index[key]].functions.push(route);
    });
    var list = el('ul', 'overview');
    byOffice.forEach(function (group) {
      var names = group.functions.map(function (route) {
        var name = functionName(route.function) + (route.certainty === 'inferred' ? ' (inferred)' : '');
        var others = (route.alternatives || []).filter(function (office) {
          return office.type === 'CENTER';
        }).map(function (office) {
          return 'Center ' + office.code;
        });
        return others.length > 0 ? name + ' (or ' + others.join(', ') + ')' : name;
      });
      list.appendChild(el('li', null, [officeView(group.office), ': ', names.join(', ')]));
    });
    return list;
  }

  function showDecision(decision) {
    var sources = {};
    (decision.sources || []).forEach(function (source) {
      sources[source.id] = source;
    });
    var results = $('results');
    results.textContent = '';

    var head = el('div', 'decision-head');
    head.appendChild(el('h3', null, ['Entry ', el('span', 'nowrap', decision.entryNumber), ', as of ',
      el('span', 'nowrap', decision.asOf)]));
    var jurisdiction = el('dl', 'route-details jurisdiction');
    definition(jurisdiction, 'Jurisdiction', decision.center
        ? officeView({ type: 'CENTER', code: decision.center })
        : 'none: the port of entry keeps the work');
    definition(jurisdiction, 'Why', decision.jurisdiction.rule);
    definition(jurisdiction, 'Certainty', certaintyView(decision.jurisdiction.certainty));
    definition(jurisdiction, 'Sources', citationsView(decision.jurisdiction.citations, sources));
    head.appendChild(jurisdiction);
    results.appendChild(head);

    var inferred = decision.routes.filter(function (route) {
      return route.certainty === 'inferred';
    }).length;
    results.appendChild(el('h3', null, 'At a glance'));
    results.appendChild(overviewView(decision));
    if (inferred > 0) {
      results.appendChild(el('p', 'inferred-note', [el('strong', null, 'Inferred: '), plural(inferred, 'route is', 'routes are')
        + ' the rule set\u2019s reading, marked \u201cInferred\u201d below.']));
    }

    results.appendChild(el('h3', null, 'Each trade function'));
    var routes = el('ol', 'routes');
    decision.routes.forEach(function (route) {
      routes.appendChild(routeView(route, sources));
    });
    results.appendChild(routes);

    if (Array.isArray(decision.firedRules)) {
      results.appendChild(firedRulesView(decision.firedRules));
    }
    var raw = el('details', 'raw-json');
    raw.appendChild(el('summary', null, 'The decision as JSON'));
    raw.appendChild(el('pre', null, JSON.stringify(decision, null, 2)));
    results.appendChild(raw);
    results.appendChild(el('p', 'rules-version', 'Rule set ' + decision.rulesVersion));

    results.hidden = false;
    var copyStatus = el('p', 'visually-hidden');
    copyStatus.id = 'copy-status';
    copyStatus.setAttribute('role', 'status');
    copyStatus.setAttribute('aria-live', 'polite');
    results.appendChild(copyStatus);

    var centerText = decision.center ? centerLabel(decision.center) : 'the port of entry';
    setStatus('Routed entry ' + decision.entryNumber + ' as of ' + decision.asOf + ': '
        + plural(decision.routes.length, 'trade function', 'trade functions') + '; jurisdiction: ' + centerText
        + (inferred > 0 ? '; ' + plural(inferred, 'route', 'routes') + ' inferred.' : '.'), true);
    $('results-heading').focus();
  }

  // ---------------------------------------------------------------------------------------------


  function start() {
    $('f-asOf').value = today();
    addLine(null, false);
    fillCenterOptions($('f-account-center'), '');
    $('request-form').addEventListener('submit', submit);
    $('add-line').addEventListener('click', function () {
      var item = addLine(null, true);
      setStatus('Line ' + (lineItems().indexOf(item) + 1) + ' added.', true);
    });
    $('toggle-json').addEventListener('click', toggleJson);
    $('load-sample').addEventListener('click', loadSample);
    loadCenters();
    loadVersion();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
