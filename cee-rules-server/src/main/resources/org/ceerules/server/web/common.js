/*
 * What the pages of the cee-rules decision service share: finding and making elements (every text
 * from the service or the user is written with textContent, never as HTML), reading JSON Lines,
 * and the certainty badge. Loaded before each page's own script, as CeeRules.
 */
'use strict';

window.CeeRules = (function () {
  var CERTAINTY = {
    confirmed: { label: 'Confirmed', mark: '\u2713', note: 'an official text says so' },
    secondary: { label: 'Secondary', mark: '\u25D0', note: 'a trade-press or law-firm report of an official text says so' },
    inferred: { label: 'Inferred', mark: '?', note: 'the rule set\u2019s reading: no official text says so' }
  };

  function $(id) {
    return document.getElementById(id);
  }

  /** An element with a class and children: strings become text nodes, never HTML. */
  function el(tag, className, children) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    append(node, children);
    return node;
  }

  function append(node, children) {
    if (children === undefined || children === null) {
      return node;
    }
    if (!Array.isArray(children)) {
      children = [children];
    }
    children.forEach(function (child) {
      if (child === undefined || child === null || child === false) {
        return;
      }
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  /** Reads JSON Lines (the listings of /v1/centers and /v1/sources). */
  function jsonLines(text) {
    return text.split('\n').filter(function (line) {
      return line.trim() !== '';
    }).map(function (line) {
      return JSON.parse(line);
    });
  }

  function getLines(path) {
    return fetch(path, { headers: { Accept: 'application/x-ndjson, application/json' } }).then(function (response) {
      if (!response.ok) {
        throw new Error(path + ' answered ' + response.status);
      }
      return response.text();
    }).then(jsonLines);
  }

  /** How sure an answer is, as a badge: its mark, its label (and what it is about), its meaning as a title. */
  function certaintyView(certainty, what) {
    var known = CERTAINTY[certainty] || { label: certainty, mark: '', note: '' };
    var badge = el('span', 'certainty certainty-' + certainty, [
      el('span', 'certainty-mark', known.mark),
      ' ',
      known.label + (what ? ' ' + what : '')
    ]);
    badge.querySelector('.certainty-mark').setAttribute('aria-hidden', 'true');
    badge.title = known.note;
    return badge;
  }

  return Object.freeze({
    $: $,
    el: el,
    append: append,
    jsonLines: jsonLines,
    getLines: getLines,
    certaintyView: certaintyView
  });
}());
