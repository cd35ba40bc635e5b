/*
 * winnow playground. Sends the document to this server's POST /v1/clean?blocks=true and shows
 * every block tinted by its label, next to the cleaned output.
 *
 * Text that comes from the API or from the user reaches the page only through textContent,
 * through the srcdoc of a frame sandboxed with sandbox="" (no scripts, opaque origin), or
 * through a download; the page never parses it as markup. It makes no request but to its own origin.
 */
'use strict';

(function () {
  const LABELS = ['editorial', 'boilerplate', 'promo', 'paywall', 'donation'];
  const FORMATS = {
    text: { name: 'text', extension: 'txt', type: 'text/plain;charset=utf-8' },
    markdown: { name: 'Markdown source', extension: 'md', type: 'text/markdown;charset=utf-8' },
    html: { name: 'HTML', extension: 'html', type: 'text/html;charset=utf-8' },
  };
  const EXAMPLE = { path: 'examples/belarus-eu-sanctions.txt', name: 'belarus-eu-sanctions.txt' };
  /** A chosen file larger than this is sent as it is but not shown in the text area. */
  const SHOWN_FILE_LIMIT = 2 * 1024 * 1024;
  /** What to do about each error status, after the problem's own title and detail. */
  const HINTS = {
    400: 'Check the document and the options, then clean again.',
    413: 'Send a shorter document, or ask whoever runs this server to raise winnow.max-body-bytes.',
    415: 'Choose "HTML" or "plain text" under "Read the document as" and clean again.',
    422: 'Send a shorter document, or ask whoever runs this server to raise winnow.max-blocks.',
    503: 'The service is not ready yet; wait a moment and clean again.',
  };

  const byId = (id) => document.getElementById(id);
  const form = byId('clean-form');
  const source = byId('source');
  const sourceInfo = byId('source-info');
  const dropzone = byId('dropzone');
  const fileInput = byId('file');
  const status = byId('status');
  const errorBox = byId('error');
  const result = byId('result');
  const blocksList = byId('blocks');
  const blocksSummary = byId('blocks-summary');
  const legend = byId('legend');
  const outputText = byId('output-text');
  const outputFrame = byId('output-html');
  const outputFormat = byId('output-format');
  const htmlSourceToggle = byId('toggle-html-source');
  const curl = byId('curl');
  const curlNote = byId('curl-note');

  const state = {
    file: null,      // {name, bytes, kind}: a chosen file, sent byte for byte until the text is edited
    name: null,      // the document's file name, for the curl command and the download
    kindHint: null,  // 'html' or 'text' when the file name or the example says which
    controller: null,
    sequence: 0,
    result: null,    // {data, request} of the answer on screen
  };

  // ---------------------------------------------------------------- the document

  function detectKind(text) {
    const start = text.replace(/^\uFEFF/, '').trimStart();
    if (/^<(!doctype|html|head|body|\?xml|!--)/i.test(start)) {
      return 'html';
    }
    const tag = /<\/?(html|body|main|article|section|header|footer|nav|aside|div|p|h[1-6]|ul|ol|li|table|tr|td|th|blockquote|figure|figcaption|pre|br|span|a|img|script|style)\b[^>]*>/i;
    return tag.test(text) ? 'html' : 'text';
  }

  function chosenKind() {
    return form.querySelector('input[name=kind]:checked').value;
  }

  /** 'html' or 'text': the choice, or else what the file name, the example or the content says. */
  function effectiveKind() {
    const chosen = chosenKind();
    if (chosen !== 'auto') {
      return chosen;
    }
    if (state.kindHint) {
      return state.kindHint;
    }
    return detectKind(source.value);
  }

  function formatBytes(n) {
    if (n < 1024) {
      return n + ' bytes';
    }
    if (n < 1024 * 1024) {
      return (n / 1024).toFixed(1) + ' KB';
    }
    return (n / 1024 / 1024).toFixed(1) + ' MB';
  }

  function updateSourceInfo() {
    const kind = effectiveKind();
    const how = chosenKind() === 'auto' ? (state.kindHint ? ' (from the file name)' : ' (detected)') : '';
    const readAs = kind === 'html' ? 'HTML' : 'plain text, a block per line';
    let what;
    if (state.file) {
      what = state.file.name + ', ' + formatBytes(state.file.bytes.length) + ', sent as it is';
    } else if (source.value.length === 0) {
      sourceInfo.textContent = 'Nothing loaded yet. Ctrl+Enter in the text area cleans.';
      return;
    } else {
      // A newline ends a line; it does not start another one after the last.
      const lines = source.value.replace(/\r?\n$/, '').split('\n').length;
      what = (state.name ? state.name + ', ' : '') + lines.toLocaleString('en') + (lines === 1 ? ' line, ' : ' lines, ')
          + source.value.length.toLocaleString('en') + ' characters';
    }
    sourceInfo.textContent = what + '; read as ' + readAs + how + '. Ctrl+Enter in the text area cleans.';
  }

  async function useFile(file) {
    if (!file) {
      return;
    }
    const html = /\.(html?|xhtml)$/i.test(file.name) || file.type === 'text/html';
    const text = /\.(txt|text)$/i.test(file.name) || file.type === 'text/plain';
    if (!html && !text) {
      showError('This file cannot be read here', '"' + file.name + '" is neither an .html nor a .txt file.',
          'Choose an .html or .txt file, or paste the document into the text area.');
      return;
    }
    let bytes;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch (e) {
      showError('The file could not be read', String(e && e.message || e), 'Choose the file again.');
      return;
    }
    state.file = { name: file.name, bytes: bytes, kind: html ? 'html' : 'text' };
    state.name = file.name;
    state.kindHint = state.file.kind;
    if (bytes.length <= SHOWN_FILE_LIMIT) {
      source.value = new TextDecoder('utf-8').decode(bytes);
      source.placeholder = '';
    } else {
      source.value = '';
      source.placeholder = file.name + ' (' + formatBytes(bytes.length) + ') is too large to show here; it is sent as it is. '
          + 'Type or paste here to replace it.';
    }
    hideError();
    updateSourceInfo();
    announce('Loaded ' + file.name + '.');
  }

  async function loadExample() {
    let text;
    try {
      const response = await fetch(EXAMPLE.path, { cache: 'no-cache', credentials: 'same-origin' });
      if (!response.ok) {
        throw new Error('the server answered ' + response.status + ' for ' + EXAMPLE.path);
      }
      text = await response.text();
    } catch (e) {
      showError('The example could not be loaded', String(e && e.message || e), 'Reload the page and try again.');
      return;
    }
    source.value = text;
    source.placeholder = '';
    state.file = null;
    state.name = EXAMPLE.name;
    state.kindHint = 'text';
    hideError();
    updateSourceInfo();
    announce('Loaded the example article, a news story that ends with a donation appeal.');
    // Whoever asks for the example wants to see it cleaned.
    await clean();
  }

  function clearSource() {
    source.value = '';
    source.placeholder = '';
    state.file = null;
    state.name = null;
    state.kindHint = null;
    updateSourceInfo();
    source.focus();
  }

  // ---------------------------------------------------------------- the request

  function checkedValues(selector) {
    return Array.from(form.querySelectorAll(selector)).filter((input) => input.checked).map((input) => input.value);
  }

  function buildRequest() {
    const drop = checkedValues('input[name=drop]');
    const format = form.querySelector('input[name=format]:checked').value;
    const kind = effectiveKind();
    const mediaType = kind === 'html' ? 'text/html' : 'text/plain';
    const request = {
      // The label and format names need no escaping; "drop=" alone means "drop nothing".
      path: 'v1/clean?drop=' + drop.join(',') + '&format=' + format + '&blocks=true',
      format: format,
      kind: kind,
      name: state.name || (kind === 'html' ? 'article.html' : 'article.txt'),
    };
    if (state.file) {
      // The file's own bytes: the server reads an HTML page's charset from its meta.
      request.body = state.file.bytes;
      request.contentType = mediaType;
    } else {
      request.body = source.value;
      request.contentType = mediaType + '; charset=utf-8';
    }
    return request;
  }

  async function clean() {
    const request = buildRequest();
    if (state.controller) {
      state.controller.abort();
    }
    const controller = new AbortController();
    const sequence = ++state.sequence;
    state.controller = controller;
    setState('busy');
    announce('Cleaning…');
    let data;
    try {
      const response = await fetch(request.path, {
        method: 'POST',
        headers: { 'Content-Type': request.contentType, 'Accept': 'application/json' },
        body: request.body,
        signal: controller.signal,
        cache: 'no-store',
        credentials: 'same-origin',
        redirect: 'error',
      });
      if (!response.ok) {
        const problem = await readProblem(response);
        if (sequence === state.sequence) {
          showProblem(problem);
        }
        return;
      }
      data = await response.json();
    } catch (e) {
      if (sequence !== state.sequence || (e && e.name === 'AbortError')) {
        return;
      }
      if (e && e.name === 'SyntaxError') {
        showError('Unexpected answer', 'The server answered with something that is not JSON.',
            'The server may run another version of winnow; see the API reference.');
      } else {
        showError('winnow could not be reached', String(e && e.message || e),
            'Check that the server is running, then clean again.');
      }
      return;
    } finally {
      if (sequence === state.sequence) {
        state.controller = null;
      }
    }
    if (sequence !== state.sequence) {
      return;
    }
    if (!data || typeof data.text !== 'string' || !Array.isArray(data.blocks) || !data.labels || typeof data.labels !== 'object') {
      showError('Unexpected answer', 'The server answered, but not with the blocks and the cleaned text this page expects.',
          'The server may run another version of winnow; see the API reference.');
      return;
    }
    render(data, request);
  }

  /** The problem+json answer as {status, title, detail}, whatever the body holds. */
  async function readProblem(response) {
    let problem = null;
    try {
      const type = response.headers.get('Content-Type') || '';
      if (/json/i.test(type)) {
        problem = await response.json();
      }
    } catch (e) {
      problem = null;
    }
    const title = problem && typeof problem.title === 'string' && problem.title ? problem.title
        : (response.statusText || 'The request failed');
    const detail = problem && typeof problem.detail === 'string' && problem.detail ? problem.detail
        : 'The server answered with status ' + response.status + '.';
    return { status: response.status, title: title, detail: detail };
  }

  function showProblem(problem) {
    const hint = HINTS[problem.status] || (problem.status >= 500
        ? 'Something failed inside winnow; the server log has the details.' : 'Check the request and try again.');
    showError(problem.title + ' (' + problem.status + ')', capitalise(problem.detail) + '.', hint);
  }

  function capitalise(text) {
    const trimmed = text.replace(/[.\s]+$/, '');
    return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  }

  // ---------------------------------------------------------------- the result

  function formatScore(score) {
    return typeof score === 'number' && isFinite(score) ? score.toFixed(2) : '–';
  }

  function blockItem(block) {
    const label = LABELS.indexOf(block.label) >= 0 ? block.label : 'unknown';
    const kept = block.kept === true;
    const score = formatScore(block.score);
    const item = document.createElement('li');
    item.className = kept ? 'block' : 'block removed';
    item.dataset.label = label;
    item.dataset.kept = String(kept);
    item.dataset.score = score;
    item.tabIndex = 0;
    item.title = label + ', score ' + score + (kept ? ', kept' : ', removed');

    const meta = document.createElement('span');
    meta.className = 'meta';
    const tag = document.createElement('span');
    tag.className = 'tag';
    tag.textContent = label;
    meta.appendChild(tag);
    if (!kept) {
      const removed = document.createElement('span');
      removed.className = 'state';
      removed.textContent = 'removed';
      meta.appendChild(removed);
    }
    const scoreText = document.createElement('span');
    scoreText.className = 'score';
    scoreText.textContent = 'score ' + score;
    meta.appendChild(scoreText);

    const text = document.createElement('span');
    text.className = 'text';
    text.textContent = typeof block.text === 'string' ? block.text : '';
    item.appendChild(meta);
    item.appendChild(document.createTextNode(' '));
    item.appendChild(text);
    return item;
  }

  function render(data, request) {
    state.result = { data: data, request: request };
    hideError();

    let kept = 0;
    const fragment = document.createDocumentFragment();
    data.blocks.forEach((block) => {
      if (block.kept === true) {
        kept++;
      }
      fragment.appendChild(blockItem(block));
    });
    blocksList.replaceChildren(fragment);
    LABELS.forEach((label) => {
      const count = data.labels[label];
      legend.querySelector('[data-count=' + label + ']').textContent =
          String(typeof count === 'number' ? count : 0);
    });
    const removed = data.blocks.length - kept;
    const summary = data.blocks.length.toLocaleString('en') + (data.blocks.length === 1 ? ' block: ' : ' blocks: ')
        + kept.toLocaleString('en') + ' kept, ' + removed.toLocaleString('en') + ' removed.';
    applyVisibility();

    const format = FORMATS[data.format] ? data.format : 'text';
    outputFormat.textContent = '(' + FORMATS[format].name + ')';
    outputText.textContent = data.text;
    if (format === 'html') {
      outputFrame.srcdoc = previewDocument(data.text);
      htmlSourceToggle.hidden = false;
      showHtmlSource(htmlSourceToggle.getAttribute('aria-pressed') === 'true');
    } else {
      outputFrame.removeAttribute('srcdoc');
      outputFrame.hidden = true;
      htmlSourceToggle.hidden = true;
      outputText.hidden = false;
    }

    curl.textContent = curlCommand(request);
    curlNote.textContent = 'Run it in the folder that holds the document as ' + request.name
        + '. Leave out blocks=true and send -H \'Accept: text/plain\' to get the cleaned output alone.';
    byId('model-id').textContent = 'model ' + (typeof data.model === 'string' ? data.model : 'unknown');
    byId('paywalled-note').hidden = data.paywalled !== true;

    // The first result of the page is brought into view; later ones, after a change of options, stay put.
    const first = result.hidden;
    result.hidden = false;
    if (first) {
      byId('result-heading').scrollIntoView({ block: 'start' });
    }
    setState('done');
    announce('Cleaned. ' + summary + (data.text.length === 0 ? ' Nothing was kept.' : '')
        + (data.paywalled === true ? ' The page looks gated: its text may be incomplete.' : ''));
  }

  /**
   * The cleaned HTML as the document of the sandboxed frame. The server has already run it
   * through an allow-list; the frame runs no script whatever it holds, and its own policy lets
   * it load nothing but the preview style sheet and inline data: images.
   */
  function previewDocument(html) {
    const styles = new URL('preview.css', document.baseURI).href;
    const policy = "default-src 'none'; style-src " + location.origin + '; img-src data:';
    return '<!doctype html><html><head><meta charset="utf-8">'
        + '<meta http-equiv="Content-Security-Policy" content="' + escapeAttribute(policy) + '">'
        + '<link rel="stylesheet" href="' + escapeAttribute(styles) + '">'
        + '</head><body>' + html + '</body></html>';
  }

  function escapeAttribute(value) {
    return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  }

  function showHtmlSource(showSource) {
    htmlSourceToggle.setAttribute('aria-pressed', String(showSource));
    htmlSourceToggle.textContent = showSource ? 'Show rendered HTML' : 'Show HTML source';
    outputText.hidden = !showSource;
    outputFrame.hidden = showSource;
  }

  function applyVisibility() {
    let hidden = 0;
    Array.from(legend.querySelectorAll('input[type=checkbox]')).forEach((input) => {
      blocksList.classList.toggle('hide-' + input.value, !input.checked);
      if (!input.checked && state.result) {
        const count = state.result.data.labels[input.value];
        hidden += typeof count === 'number' ? count : 0;
      }
    });
    const total = state.result ? state.result.data.blocks.length : 0;
    const kept = state.result ? state.result.data.blocks.filter((block) => block.kept === true).length : 0;
    blocksSummary.textContent = total.toLocaleString('en') + (total === 1 ? ' block, ' : ' blocks, ')
        + kept.toLocaleString('en') + ' kept and ' + (total - kept).toLocaleString('en') + ' removed'
        + (hidden > 0 ? '; ' + hidden.toLocaleString('en') + ' not shown here.' : '.');
  }

  function shellQuote(value) {
    return /^[A-Za-z0-9_.\/:=@%+,-]+$/.test(value) ? value : "'" + value.replace(/'/g, "'\\''") + "'";
  }

  function curlCommand(request) {
    const url = new URL(request.path, document.baseURI).href;
    return 'curl -sS -X POST ' + shellQuote(url) + ' \\\n'
        + '  -H ' + shellQuote('Content-Type: ' + request.contentType) + ' \\\n'
        + "  -H 'Accept: application/json' \\\n"
        + '  --data-binary @' + shellQuote(request.name);
  }

  // ---------------------------------------------------------------- copy and download

  async function copyText(text, button) {
    let copied = false;
    if (navigator.clipboard && window.isSecureContext) {
      try {
        await navigator.clipboard.writeText(text);
        copied = true;
      } catch (e) {
        copied = false;
      }
    }
    if (!copied) {
      const area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.className = 'visually-hidden';
      document.body.appendChild(area);
      area.select();
      try {
        copied = document.execCommand('copy');
      } catch (e) {
        copied = false;
      }
      area.remove();
      button.focus();
    }
    flash(button, copied ? 'Copied' : 'Copy failed: select the text and press Ctrl+C');
  }

  function flash(button, message) {
    if (!button.dataset.label) {
      button.dataset.label = button.textContent;
    }
    button.textContent = message;
    announce(message + '.');
    clearTimeout(button.flashTimer);
    button.flashTimer = setTimeout(() => {
      button.textContent = button.dataset.label;
    }, 2000);
  }

  function downloadOutput() {
    if (!state.result) {
      return;
    }
    const data = state.result.data;
    const format = FORMATS[data.format] || FORMATS.text;
    const base = state.result.request.name.replace(/\.[^.]*$/, '') || 'article';
    const url = URL.createObjectURL(new Blob([data.text], { type: format.type }));
    const link = document.createElement('a');
    link.href = url;
    link.download = base + '.cleaned.' + format.extension;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    announce('Downloaded ' + link.download + '.');
  }

  // ---------------------------------------------------------------- state and messages

  function setState(value) {
    document.body.dataset.state = value;
    result.setAttribute('aria-busy', String(value === 'busy'));
  }

  function announce(message) {
    status.textContent = message;
  }

  function showError(title, detail, hint) {
    byId('error-title').textContent = title;
    byId('error-detail').textContent = detail;
    byId('error-hint').textContent = hint || '';
    errorBox.hidden = false;
    errorBox.scrollIntoView({ block: 'nearest' });
    result.hidden = true;
    state.result = null;
    setState('error');
    announce('');
  }

  function hideError() {
    errorBox.hidden = true;
  }

  // ---------------------------------------------------------------- wiring

  function hasFiles(event) {
    return event.dataTransfer && Array.from(event.dataTransfer.types || []).indexOf('Files') >= 0;
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clean();
  });
  source.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      clean();
    }
  });
  source.addEventListener('input', () => {
    // Typed or pasted text replaces a chosen file or the example.
    state.file = null;
    state.name = null;
    state.kindHint = null;
    source.placeholder = '';
    updateSourceInfo();
  });
  form.addEventListener('change', (event) => {
    const name = event.target.name;
    if (name === 'kind') {
      updateSourceInfo();
    }
    if ((name === 'kind' || name === 'drop' || name === 'format') && state.result) {
      clean();
    }
  });
  fileInput.addEventListener('change', () => {
    const file = fileInput.files && fileInput.files[0];
    fileInput.value = '';
    useFile(file);
  });
  byId('load-example').addEventListener('click', loadExample);
  byId('clear-source').addEventListener('click', clearSource);

  window.addEventListener('dragover', (event) => {
    if (hasFiles(event)) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      dropzone.classList.add('dragging');
    }
  });
  window.addEventListener('dragleave', (event) => {
    if (event.target === document.documentElement || event.relatedTarget === null) {
      dropzone.classList.remove('dragging');
    }
  });
  window.addEventListener('drop', (event) => {
    // A file dropped anywhere on the page is the document; the browser must not open it instead.
    if (hasFiles(event)) {
      event.preventDefault();
      dropzone.classList.remove('dragging');
      useFile(event.dataTransfer.files[0]);
    }
  });

  legend.addEventListener('change', applyVisibility);
  htmlSourceToggle.addEventListener('click', () => {
    showHtmlSource(htmlSourceToggle.getAttribute('aria-pressed') !== 'true');
  });
  byId('copy-output').addEventListener('click', (event) => {
    if (state.result) {
      copyText(state.result.data.text, event.currentTarget);
    }
  });
  byId('download-output').addEventListener('click', downloadOutput);
  byId('copy-curl').addEventListener('click', (event) => copyText(curl.textContent, event.currentTarget));

  updateSourceInfo();
  setState('ready');
}());
