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

  /** Every place to search: [{root, inShadow, inIframe}], the top document first. */
  M.collectRoots = function collectRoots(topDocument = document) {
    const roots = [];
    const visit = (root, depth, inShadow, inIframe) => {
      if (roots.length >= MAX_ROOTS) return;
      roots.push({ root, inShadow, inIframe });
      for (const element of root.querySelectorAll('*')) {
        // Open roots are a cheap property; asking for a closed one costs a call into the
        // browser per element, so only custom elements (where web components live) are asked.
        const name = element.localName;
        const shadow = element.shadowRoot ?? (name.includes('-') ? shadowRootOf(element) : null);
        const ours = shadow && (element.hasAttribute(M.BUTTON_ATTRIBUTE) || element.hasAttribute(M.GUARD_ATTRIBUTE));
        if (shadow && !ours) visit(shadow, depth, true, inIframe);
        if ((name === 'iframe' || name === 'frame') && depth < MAX_FRAME_DEPTH) {
          const inner = frameDocument(element);
          if (inner) visit(inner, depth + 1, inShadow, true);
        }
      }
    };
    visit(topDocument, 0, false, false);
    return roots;
  };

  M.queryAll = function queryAll(roots, selector) {
    const found = [];
    for (const entry of roots) {
      try {
        for (const element of entry.root.querySelectorAll(selector)) found.push({ element, ...entry });
      } catch {
        return found; // an invalid selector in adapter data: treat as no match
      }
    }
    return found;
  };

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
