// Content script, part 2b: where the context is read, in order of trust. An open dialog and
// the note's own form, row or card say which session the note is for; the page around them
// (a chart's history, a week's schedule) shows other sessions' names and dates. Also the
// name fields of intake and session forms (a full name, or first and last name), whose
// values a framework sets without any attribute.
(() => {
  const M = (globalThis.Margin ??= {});

  /** Whether `node` is inside `container`, across shadow roots and same-origin frames. */
  M.containsAcross = function containsAcross(container, node) {
    // In one tree the browser answers at once; only a node in another tree is walked up.
    if (container.contains(node)) return true;
    if (node.getRootNode() === container.getRootNode()) return false;
    for (let current = node; current; current = M.parentAcross(current)) if (current === container) return true;
    return false;
  };

  /** What an input is called: its labels, aria-label, placeholder, name and id. */
  M.inputName = function inputName(input) {
    const labels = [...(input.labels ?? [])].map((label) => label.textContent);
    const coded = ['aria-label', 'placeholder', 'name', 'id', 'autocomplete'].map((name) => input.getAttribute(name) ?? '');
    return M.clean([...labels, ...coded].join(' ').replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' '));
  };

  const FULL_NAME = /\b(?:full(?:\s+legal)?\s+name|legal\s+name|(?:client|patient)(?:'s)?\s+name|name\s+of\s+(?:the\s+)?(?:client|patient))\b/i;
  const FIRST_NAME = /\b(?:first|given)\s*name\b|\bgiven\b/i;
  const LAST_NAME = /\b(?:last|family|sur)\s*name\b|\bsurname\b/i;
  // Name fields of someone else, or not the legal name the record is filed under.
  const OTHER_PERSON = /\b(?:preferred|nick|emergency|contact|guardian|parent|referr\w*|provider|clinician|therapist|physician|doctor|insured|subscriber|user|staff|search|spouse|partner|pharmacy|employer|school)\b/i;

  /** The client's name from a form's name fields: a full name, or first + last. */
  M.readNameFields = function readNameFields(roots, scope) {
    const inputs = M.queryAll(roots, 'input:not([type]), input[type="text"]')
      .map(({ element }) => element)
      .filter((input) => input.value && (!scope || M.containsAcross(scope, input)));
    const named = inputs.map((input) => ({ value: M.clean(input.value), name: M.inputName(input) }))
      .filter(({ name, value }) => !OTHER_PERSON.test(name) && value.length <= 80);
    const full = named.find(({ name }) => FULL_NAME.test(name));
    if (full && M.acceptName(full.value)) return M.acceptName(full.value);
    const first = named.find(({ name }) => FIRST_NAME.test(name));
    const last = named.find(({ name }) => LAST_NAME.test(name) && !FIRST_NAME.test(name));
    return first && last ? M.looksLikeName(`${first.value} ${last.value}`) : null;
  };

  const MODAL = 'dialog[open], [role="dialog"], [role="alertdialog"], [aria-modal="true"]';
  // Containers that hold one session's note and its header: a form, a row, a card, a drawer.
  const CONTAINER = /^(?:form|fieldset|tr|article|section|aside|dialog)$/;
  const CONTAINER_ROLE = /^(?:dialog|alertdialog|form|region|tabpanel|article|row)$/;
  const CONTAINER_CLASS = /\b(?:card|drawer|modal|panel|entry|encounter|appointment|session|visit)\b/i;

  function isContainer(element) {
    return CONTAINER.test(element.localName) || CONTAINER_ROLE.test(element.getAttribute('role') ?? '')
      || CONTAINER_CLASS.test(element.getAttribute('class') ?? '');
  }

  /** The places to read first: open dialogs (the topmost last in the page, so read first),
   * then the field's own containers, nearest first; the whole page comes after them. */
  M.contextScopes = function contextScopes(roots, field) {
    const scopes = [];
    const dialogs = M.queryAll(roots, MODAL).map(({ element }) => element).filter((element) => M.isShown(element));
    for (const dialog of dialogs.reverse()) if (!scopes.includes(dialog)) scopes.push(dialog);
    for (let node = field ? M.parentAcross(field) : null; node && scopes.length < 4; node = M.parentAcross(node)) {
      if (node.localName === 'body' || node.localName === 'html') break;
      if (isContainer(node) && !scopes.includes(node)) scopes.push(node);
    }
    return scopes;
  };

  M.isShown = (element) => element.getClientRects().length > 0 && (!element.checkVisibility || element.checkVisibility({ visibilityProperty: true }));

  /** {client, date, clientRef, sources}: each from the most trusted place that shows it;
   * sources says which ('dialog', 'form' for the note's own container, 'page'). */
  M.readGenericContext = function readGenericContext(roots, items, field) {
    const read = { client: null, date: null, clientRef: null, sources: {} };
    for (const scope of [...M.contextScopes(roots, field), null]) {
      const scoped = scope ? items.filter(({ element }) => M.containsAcross(scope, element)) : items;
      const where = !scope ? 'page' : scope.matches(MODAL) ? 'dialog' : 'form';
      if (!read.client) {
        read.client = M.readGenericClient(roots, scoped, scope) ?? (scope && isModal(scope) ? anyName(scoped) : null);
        if (read.client) read.sources.client = where;
      }
      if (!read.date) {
        read.date = M.readGenericDate(roots, scoped, scope, !scope || isModal(scope) || scope.localName === 'tr' || scope.getAttribute('role') === 'row');
        if (read.date) read.sources.date = where;
      }
      read.clientRef ??= M.readGenericClientRef(roots, scoped, scope);
      if (read.client && read.date && read.clientRef) break;
    }
    return read;
  };

  const isModal = (element) => element.matches(MODAL) || /\b(?:drawer|modal)\b/i.test(element.getAttribute('class') ?? '');
  const SEPARATORS = /\s[|·•—–-]\s|,\s(?=\p{Lu}\p{Ll}+day\b)/u;
  /** In a dialog or drawer opened for one session, a name anywhere in it is the client's. */
  const anyName = (items) => {
    for (const { text } of items) {
      for (const part of text.split(SEPARATORS)) {
        const name = M.looksLikeName(part);
        if (name) return name;
      }
    }
    return null;
  };
})();
