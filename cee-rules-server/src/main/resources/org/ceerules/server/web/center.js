/*
 * The page of one Center at /centers/{code}: its reference data from GET /v1/centers, its source
 * from GET /v1/sources. Every text from the service is written with textContent, never as HTML.
 */
'use strict';

(function () {
  var $ = CeeRules.$;
  var el = CeeRules.el;
  var getLines = CeeRules.getLines;

  function definition(list, term, description) {
    list.appendChild(el('dt', null, term));
    list.appendChild(el('dd', null, description));
  }

  /** The Center's source, "tpd-2013, Center Team Designation": a link to the source where it has one. */
  function sourceView(text, sources) {
    var comma = text.indexOf(',');
    var id = comma < 0 ? text : text.slice(0, comma).trim();
    var pinpoint = comma < 0 ? '' : text.slice(comma + 1).trim();
    var source = sources[id];
    if (!source) {
      return el('span', null, text);
    }
    var label = source.citation + (pinpoint ? ', ' + pinpoint : '');
    if (!/^https?:\/\//.test(source.url || '')) {
      return el('span', null, label);
    }
    var a = el('a', null, [label, el('span', 'visually-hidden', ' (opens in a new tab)')]);
    a.href = source.url;
    a.rel = 'noopener noreferrer';
    a.target = '_blank';
    a.title = source.title + ' \u2014 ' + source.issuer + (source.date ? ', ' + source.date : '');
    return a;
  }

  /** The opening: its date, how sure it is (an inferred date visibly marked) and its sources as links. */
  function openedView(opened, sources) {
    var time = el('time', 'opened-date', opened.date);
    time.dateTime = opened.date;
    var list = el('ul', 'citations');
    (opened.citations || []).forEach(function (citation) {
      list.appendChild(el('li', null, sourceView(citation.source + (citation.pinpoint ? ', ' + citation.pinpoint : ''),
          sources)));
    });
    return el('div', 'opened', [el('p', null, [time, ' ', CeeRules.certaintyView(opened.certainty)]), list]);
  }

  function show(center, centers, sources, version) {
    var heading = $('center-heading');
    heading.textContent = 'Center ' + center.teamCode + ': ' + center.industry;
    document.title = 'Center ' + center.teamCode + ', ' + center.industry + ': cee-rules';
    var details = $('center-details');
    details.textContent = '';
    definition(details, 'Team code', center.teamCode);
    definition(details, 'Industry', center.industry);
    definition(details, 'Headquarters', center.headquarters);
    if (center.opened) {
      definition(details, 'Opened', openedView(center.opened, sources));
    }
    var addresses = el('ul', 'addresses');
    (center.emailAddresses || []).forEach(function (address) {
      var a = el('a', null, address);
      a.href = 'mailto:' + address;
      addresses.appendChild(el('li', null, a));
    });
    definition(details, 'E-mail addresses for documents', addresses);
    definition(details, 'Name in the API', el('code', null, center.name));
    definition(details, 'Source', sourceView(center.source || '', sources));
    definition(details, 'Rule set', center.rulesVersion);
    details.hidden = false;
    $('center-status').textContent = 'Center ' + center.teamCode + ', ' + center.industry + ', coordinated from '
        + center.headquarters + '.';

    listCenters(centers, center.teamCode);
    showVersion(version);
  }

  function showVersion(version) {
    if (version) {
      $('version').textContent = version.program + ' ' + version.version + ', rules ' + version.rulesVersion;
      $('rules-link').hidden = version.rulePages !== true;
    }
  }

  function listCenters(centers, current) {
    var list = $('center-list');
    list.textContent = '';
    centers.forEach(function (other) {
      var a = el('a', null, other.teamCode + ' \u2014 ' + other.industry);
      a.href = '/centers/' + encodeURIComponent(other.teamCode);
      if (other.teamCode === current) {
        a.setAttribute('aria-current', 'page');
      }
      list.appendChild(el('li', null, a));
    });
  }


  function start() {
    var code = decodeURIComponent(window.location.pathname.replace(/\/+$/, '').split('/').pop() || '');
    Promise.all([
      getLines('/v1/centers'),
      getLines('/v1/sources').catch(function () { return []; }),
      fetch('/v1/version').then(function (r) { return r.ok ? r.json() : null; }).catch(function () { return null; })
    ]).then(function (answers) {
      var centers = answers[0];
      var sources = {};
      answers[1].forEach(function (source) {
        sources[source.id] = source;
      });
      var center = centers.filter(function (c) {
        return c.teamCode === code;
      })[0];
      if (!center) {
        $('center-heading').textContent = 'No Center ' + code;
        $('center-status').textContent = 'There is no Center with the team code ' + code + ': the codes are 001 to 010.';
        listCenters(centers, null);
        showVersion(answers[2]);
        return;
      }
      show(center, centers, sources, answers[2]);
    }).catch(function (e) {
      $('center-status').textContent = 'The Centers could not be loaded: ' + e.message;
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
