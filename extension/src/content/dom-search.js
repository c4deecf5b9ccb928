// Content script, part 1: where to look. An EHR's note field can sit in the page, in a
// same-origin iframe (classic forms, TinyMCE) or in a shadow root (web components, even
// closed ones: extensions may open those). This file lists those places and says what
// an editable element is. It reads labels and sizes, never what is typed in a field.
(() => {
  const M = (globalThis.Margin ??= {});
  const MAX_ROOTS = 300;
  const MAX_FRAME_DEPTH = 3;
  M.BUTTON_ATTRIBUTE = 'data-margin-button';
  M.GUARD_ATTRIBUTE = 'data-margin-guard'; // the leak guard's badge, overlay and question

  function shadowRootOf(element) {
    try {
      if (globalThis.chrome?.dom?.openOrClosedShadowRoot) return globalThis.chrome.dom.openOrClosedShadowRoot(element);
    } catch {
      // Not an element that can host a shadow root.
    }
    return element.openOrClosedShadowRoot ?? element.shadowRoot ?? null; // Firefox, then open roots
  }

  function frameDocument(frame) {
    try {
      return frame.contentDocument?.documentElement ? frame.contentDocument : null;
    } catch {
      return null; // cross-origin: not ours to read
    }
  }

  /** Adds `root` and every shadow root and same-origin frame document under it to `roots`. */
  function visit(roots, root, depth, inShadow, inIframe) {
    if (roots.length >= MAX_ROOTS) return;
    roots.push({ root, inShadow, inIframe, depth });
    visitUnder(roots, root, depth, inShadow, inIframe);
  }

  /** The shadow roots and frame documents in `node` and below it. */
  function visitUnder(roots, node, depth, inShadow, inIframe) {
    const elements = node.nodeType === Node.ELEMENT_NODE ? [node, ...node.querySelectorAll('*')] : node.querySelectorAll('*');
    for (const element of elements) {
      // Open roots are a cheap property; asking for a closed one costs a call into the
      // browser per element, so only custom elements (where web components live) are asked.
      const name = element.localName;
      const shadow = element.shadowRoot ?? (name.includes('-') ? shadowRootOf(element) : null);
      const ours = shadow && (element.hasAttribute(M.BUTTON_ATTRIBUTE) || element.hasAttribute(M.GUARD_ATTRIBUTE));
      if (shadow && !ours) visit(roots, shadow, depth, true, inIframe);
      if ((name === 'iframe' || name === 'frame') && depth < MAX_FRAME_DEPTH) {
        const inner = frameDocument(element);
        if (inner) visit(roots, inner, depth + 1, inShadow, true);
      }
    }
  }

  /** Every place to search: [{root, inShadow, inIframe, depth}], the top document first. */
  M.collectRoots = function collectRoots(topDocument = document) {
    const roots = [];
    visit(roots, topDocument, 0, false, false);
    return roots;
  };

  const stillThere = ({ root }) => (root.host ? root.host.isConnected
    : root.nodeType !== Node.DOCUMENT_NODE || root === document || Boolean(root.defaultView?.frameElement?.isConnected));

  /** The last list of places, brought up to date for elements added since (only their
   * subtrees are looked through) and for hosts and frames removed; null when the whole list
   * must be made again (an added element in a place the list does not know, or bringing one). */
  M.updateRoots = function updateRoots(roots, added) {
    const kept = roots.filter(stillThere);
    const known = new Map(kept.map((entry) => [entry.root, entry]));
    for (const element of added) {
      if (!element.isConnected) continue;
      const entry = known.get(element.getRootNode());
      if (!entry) return null;
      const more = [];
      visitUnder(more, element, entry.depth, entry.inShadow, entry.inIframe);
      // A new shadow root or frame: the whole list again, so it keeps document order (the
      // order decides between fields that score the same).
      if (more.some((found) => !known.has(found.root))) return null;
    }
    return kept;
  };

  // During one scan the page does not change: what a selector matched in a place is kept
  // for the rest of the scan (several readers ask the same), then dropped.
  let matches = null;
  M.duringScan = function duringScan(scan) {
    matches = new Map();
    try { return scan(); } finally { matches = null; }
  };

  M.queryAll = function queryAll(roots, selector) {
    if (!matches) return queryAllNow(roots, selector);
    const found = [];
    for (const entry of roots) {
      let perRoot = matches.get(entry.root);
      if (!perRoot) matches.set(entry.root, perRoot = new Map());
      if (!perRoot.has(selector)) perRoot.set(selector, queryAllNow([entry], selector).map(({ element }) => element));
      for (const element of perRoot.get(selector)) found.push({ element, ...entry });
    }
    return found;
  };

  function queryAllNow(roots, selector) {
    const found = [];
    for (const entry of roots) {
      try {
        for (const element of entry.root.querySelectorAll(selector)) found.push({ element, ...entry });
      } catch {
        return found; // an invalid selector in adapter data: treat as no match
      }
    }
    return found;
  }

  M.isVisible = function isVisible(element) {
    const view = element.ownerDocument.defaultView;
    if (!view || !element.getClientRects().length) return false;
    // checkVisibility also sees what computed style alone does not: content inside a closed
    // <details> or under content-visibility:hidden still has boxes but is not shown.
    if (element.checkVisibility && !element.checkVisibility({ contentVisibilityAuto: true, opacityProperty: true, visibilityProperty: true })) return false;
    const style = view.getComputedStyle(element);
    if (style.visibility === 'hidden' || style.display === 'none' || Number(style.opacity) === 0) return false;
    const rect = element.getBoundingClientRect();
    // Editors keep helper editables off screen or 1px tall (Quill's clipboard): not fields.
    if (rect.width < 40 || rect.height < 16 || rect.right <= 0 || rect.bottom <= -5000) return false;
    return !clippedAway(element, view);
  };

  /** Inside a box that shows none of it: an accordion panel animated shut (height 0,
   * overflow hidden) still lays its fields out at full size. */
  function clippedAway(element, view) {
    for (let node = element.parentElement; node && node.localName !== 'body'; node = node.parentElement) {
      const style = view.getComputedStyle(node);
      if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
      const box = node.getBoundingClientRect();
      if (box.width < 2 || box.height < 2) return true;
    }
    return false;
  }

  /** A field the clinician types a note into, or null. */
  M.editableKind = function editableKind(element, inIframe) {
    if (element.getAttribute('aria-disabled') === 'true') return null;
    if (element.localName === 'textarea') return element.disabled ? null : 'textarea';
    const doc = element.ownerDocument;
    if (element === doc.body && inIframe && (element.isContentEditable || doc.designMode === 'on')) return 'iframe-body';
    if (!element.isContentEditable) return null;
    // Only the outermost editable element: the editor, not a paragraph inside it.
    const parent = element.parentElement;
    return parent && parent.isContentEditable ? null : 'contenteditable';
  };

  /** Whether a field found on an earlier scan is still where one writes the note: on the
   * page, shown and open for typing (a note disabled after load, as "Missed appointment"
   * does, is not). A field known by its placeholder loses that label once typed in. */
  M.stillOpen = (found) => Boolean(found?.element.isConnected && M.isVisible(found.element)
    && M.editableKind(found.element, found.inIframe));

  M.editorName = function editorName(element) {
    const inside = (selector) => Boolean(element.closest(selector));
    if (inside('.ProseMirror, .tiptap, .remirror-editor')) return 'prosemirror';
    if (inside('.ql-editor, .ql-container')) return 'quill';
    if (inside('.mce-content-body, .tox-edit-area') || element.id === 'tinymce') return 'tinymce';
    if (inside('.ck-editor__editable, .cke_editable, .ck-content')) return 'ckeditor';
    if (element.localName === 'textarea') return 'plain';
    if (element.matches('[data-lexical-editor], [data-slate-editor], .DraftEditor-content, .public-DraftEditor-content')) return 'other';
    return 'plain';
  };

  /** Every editable candidate in every root, in document order. */
  M.editableCandidates = function editableCandidates(roots) {
    const candidates = [];
    for (const entry of roots) {
      const doc = entry.root.ownerDocument ?? entry.root;
      const elements = [...entry.root.querySelectorAll('textarea, [contenteditable]:not([contenteditable="false" i])')];
      if (entry.inIframe && entry.root === doc && doc.body && doc.designMode === 'on' && !elements.includes(doc.body)) {
        elements.unshift(doc.body);
      }
      for (const element of elements) {
        const kind = M.editableKind(element, entry.inIframe);
        if (kind && M.isVisible(element)) candidates.push(M.describeCandidate(element, kind, entry, 'generic'));
      }
    }
    return candidates;
  };

  /** The element the button sits beside: the iframe for an editor that is a whole iframe. */
  M.describeCandidate = function describeCandidate(element, kind, entry, foundBy) {
    const anchor = kind === 'iframe-body' ? element.ownerDocument.defaultView.frameElement ?? element : element;
    return {
      element, anchor, kind, foundBy,
      editor: kind === 'iframe-body' ? iframeEditorName(anchor) : M.editorName(element),
      inIframe: entry.inIframe, inShadow: entry.inShadow,
    };
  };

  function iframeEditorName(frame) {
    if (!frame || frame.localName !== 'iframe') return 'other';
    if (frame.closest('.tox, .mce-tinymce') || /_ifr$/.test(frame.id)) return 'tinymce';
    if (frame.closest('.cke, .cke_contents') || frame.classList.contains('cke_wysiwyg_frame')) return 'ckeditor';
    return 'other';
  }

  /** Whether the element (or an ancestor in its document) floats over the page: chat
   * widgets and help bubbles do, note fields do not (a modal dialog is a form, not a widget). */
  M.isFloating = function isFloating(element) {
    const view = element.ownerDocument.defaultView;
    for (let node = element; node && node.nodeType === Node.ELEMENT_NODE; node = node.parentElement ?? node.getRootNode().host) {
      if (node.localName === 'dialog' || node.getAttribute('role') === 'dialog' || node.getAttribute('aria-modal') === 'true') return false;
      const position = view.getComputedStyle(node).position;
      if (position === 'fixed' || position === 'sticky') return true;
      if (node.localName === 'body') return false;
    }
    return false;
  };

  /** Up from a node, across shadow roots (to their host) and iframes (to the frame). */
  M.parentAcross = function parentAcross(node) {
    if (node.parentElement) return node.parentElement;
    const parent = node.parentNode;
    if (parent && parent.host) return parent.host;
    if (parent && parent.nodeType === Node.DOCUMENT_NODE) {
      try { return parent.defaultView?.frameElement ?? null; } catch { return null; }
    }
    return null;
  };
})();
