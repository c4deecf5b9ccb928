// Content script, part 2: reading what the page says about the session: the client and the
// appointment date, from labels ("Client: Doe, Jane", <dt>Date of service</dt><dd>…</dd>),
// chips, breadcrumbs, headings, data attributes and the title. Only the page's own short
// texts are read, never what is typed in an editable field (those subtrees are skipped).
(() => {
  const M = (globalThis.Margin ??= {});
  const SHORT = 160;

  const clean = (text) => (text ?? '').replace(/\s+/g, ' ').trim();

  /** Short visible text of an element (headings, labels), or '' for long blocks. */
  function shortText(element) {
    if (!element || element.isContentEditable || element.localName === 'textarea') return '';
    if (element.hasAttribute?.(M.BUTTON_ATTRIBUTE) || element.hasAttribute?.(M.GUARD_ATTRIBUTE)) return '';
    const text = clean(element.textContent);
    return text.length <= SHORT ? text : '';
  }

  /** The value an element shows: an input's value, a <time>'s datetime, or its text. */
  M.shownValue = function shownValue(element) {
    if (!element) return '';
    if (element.localName === 'select') return clean(element.selectedOptions?.[0]?.text ?? element.value);
    if (element.localName === 'input') return clean(element.value);
    if (element.localName === 'time' && element.getAttribute('datetime')) return element.getAttribute('datetime');
    return shortText(element);
  };

  M.fromUrl = function fromUrl(pattern, location) {
    if (!pattern) return undefined;
    try {
      const where = `${location.pathname}${location.search}${location.hash}`;
      return where.match(new RegExp(pattern, 'i'))?.[1]?.slice(0, 200);
    } catch {
      return undefined;
    }
  };

  // --- the page's texts, in order: M.textItems (text-items.js) -----------------------------

  // --- dates -------------------------------------------------------------------------------
  const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
  const monthNumber = (name) => ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(name.slice(0, 3)) + 1;
  const iso = (y, m, d) => {
    const date = new Date(Date.UTC(+y, +m - 1, +d));
    if (+y < 1900 || date.getUTCFullYear() !== +y || date.getUTCMonth() !== +m - 1 || date.getUTCDate() !== +d) return null;
    return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  };
  const fullYear = (y) => (y.length === 2 ? 2000 + +y : +y);

  /** A date shown without its year ("Tuesday, January 14") is this year's, unless that is
   * more than two months ahead: then it is last year's (notes are written after sessions).
   * The weekday is not checked: pages (and people) get it wrong more often than the date.
   * "May 5" without a year is too often the verb to be read as a date. */
  function withoutYear(month, day, today) {
    let year = today.getFullYear();
    if (Date.UTC(year, month - 1, day) > Date.UTC(year, today.getMonth(), today.getDate() + 62)) year -= 1;
    return iso(year, month, day);
  }

  // Regions that write the month first (03/04/2026 is March 4); elsewhere it is 3 April.
  const MONTH_FIRST = /^(?:[a-z]{2,3}-)?(?:us|ph|ca|fm|mh|pw|gu|as|pr|um|vi)$/i;

  /** Whether slashed dates are day first here: the page's language (en-GB), else the browser's. */
  M.dayFirst = function dayFirst() {
    const page = typeof document === 'undefined' ? '' : document.documentElement?.lang ?? '';
    const browser = typeof navigator === 'undefined' ? 'en-US' : navigator.language ?? 'en-US';
    const tag = /[-_]/.test(page) || (page && !/^en$/i.test(page)) ? page : browser;
    const [language, region = ''] = tag.split(/[-_]/);
    if (/^en$/i.test(language)) return Boolean(region) && !MONTH_FIRST.test(region);
    return !/^(?:fil|tl)$/i.test(language); // most of the world writes the day first
  };

  /** "Today, 3:00 PM", "Yesterday at 10": a date relative to this one, only with a time or a
   * separator after it ("Today's schedule" is not a date). */
  const RELATIVE = /\b(today|yesterday|tomorrow)\b(?=\s*(?:,|·|\||-|–|—|at\b|\d|$))/;
  const shifted = (today, days) => {
    const date = new Date(today.getFullYear(), today.getMonth(), today.getDate() + days);
    return iso(date.getFullYear(), date.getMonth() + 1, date.getDate());
  };

  const PATTERNS = [
    [/\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/, (m) => iso(m[1], m[2], m[3])],
    // Slashed dates are month first (US EHRs) unless the first number cannot be a month;
    // dotted dates (14.01.2026) are day first.
    [/(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/.-])/, (m, today, dayFirst) => {
      const [a, b, year] = [+m[1], +m[3], fullYear(m[4])];
      if (m[2] === '.' || (dayFirst && b <= 12)) return iso(year, b, a) ?? iso(year, a, b);
      return a > 12 ? iso(year, b, a) : iso(year, a, b) ?? iso(year, b, a);
    }],
    [new RegExp(`\\b${MONTH}[\\s-]+(\\d{1,2})(?:st|nd|rd|th)?(?!\\d)(?:,?[\\s-]+(\\d{4})\\b)?`), (m, today) => (
      m[3] ? iso(m[3], monthNumber(m[1]), m[2]) : m[1] !== 'may' && withoutYear(monthNumber(m[1]), +m[2], today))],
    [new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?[\\s-]+(?:of\\s+)?${MONTH}(?![a-z])(?:,?[\\s-]+(\\d{4})\\b)?`), (m, today) => (
      m[3] ? iso(m[3], monthNumber(m[2]), m[1]) : m[2] !== 'may' && withoutYear(monthNumber(m[2]), +m[1], today))],
    [RELATIVE, (m, today) => shifted(today, { today: 0, yesterday: -1, tomorrow: 1 }[m[1]])],
  ];

  /** The first date in a string, as YYYY-MM-DD, or null. */
  M.parseDate = function parseDate(text, today = new Date(), dayFirst = M.dayFirst()) {
    const value = clean(text).toLowerCase();
    let best = null;
    for (const [pattern, build] of PATTERNS) {
      const match = value.match(pattern);
      if (!match || (best && best.index <= match.index)) continue;
      const date = build(match, today, dayFirst);
      if (date) best = { index: match.index, date };
    }
    return best?.date ?? null;
  };

  // --- names -------------------------------------------------------------------------------
  const NOT_NAME = new Set(('progress note notes session sessions clinic clinical health home clients client patients patient '
    + 'new add save sign signed next previous back chart charts charting documentation appointment appointments calendar '
    + 'inbox settings dashboard billing insurance today tomorrow yesterday am pm dr doctor md phd lcsw lpc lmft psyd rn '
    + 'welcome logged therapy therapist provider clinician assessment plan soap dap birp intake treatment message messages '
    + 'team chat support help group services center centre practice care medical behavioral mental counseling wellness '
    + 'entry initial follow visit encounter document template form report details overview profile summary history '
    + 'rich text editor area main portal account menu search filter view edit open close cancel delete print export '
    + 'monday tuesday wednesday thursday friday saturday sunday january february march april june july august september '
    + 'october november december ehr emr record records practice counselling psychotherapy individual couples physiotherapy').split(' '));
  const PARTICLES = /^(de|da|del|della|der|di|du|la|le|van|von|bin|ibn|al|el|y|e)$/i;

  const stripLabel = (text) => clean(text).replace(/^(?:client|patient|cliente|paciente)(?:\s+name)?\s*[:：-]\s*/i, '');

  /** A person's name as EHRs show it: "Jane Doe", "Doe, Jane", "Noor Al-Sayed", 2-5 words. */
  M.looksLikeName = function looksLikeName(text) {
    const name = stripLabel(text).replace(/^[A-Z]{1,3}\s+(?=\p{Lu})/u, '').replace(/[.,;:]+$/, ''); // initials avatar
    if (name.length < 3 || name.length > 60 || /[\d@/#|()[\]{}<>=+*]/.test(name) || (name.match(/,/g) ?? []).length > 1) return null;
    const words = name.replace(',', ' ').split(/\s+/).filter(Boolean);
    if (words.length < 2 || words.length > 5) return null;
    for (const word of words) {
      if (NOT_NAME.has(word.toLowerCase().replace(/[.'’]/g, ''))) return null;
      if (!/^\p{Lu}[\p{L}'’.-]*$/u.test(word) && !PARTICLES.test(word)) return null;
    }
    return name;
  };

  /** A labelled value is the client's name when it has letters and is not a long number. */
  M.acceptName = (value) => {
    const name = stripLabel(value).replace(/[.,;:]+$/, '');
    return name.length >= 2 && name.length <= 120 && /\p{L}/u.test(name) && !/\d{3,}/.test(name) ? name : null;
  };

  // --- labelled values ---------------------------------------------------------------------
  const CLIENT_LABEL = '(?:(?:client|patient)\\s+of\\s+record|client|patient|pt|cliente|paciente|klient(?:in)?|patient(?:in)?|(?:client|patient)\\s+name|name\\s+of\\s+client)';
  const DATE_LABEL = '(?:date\\s+of\\s+service|service\\s+date|session\\s+date|appointment(?:\\s+date)?|visit\\s+date|entry\\s+date|date|dos|scheduled|session|visit|when|fecha|datum|sitzung|termin|s[ée]ance|sesi[óo]n|cita)';
  const REF_LABEL = '(?:(?:client|patient)\\s*(?:id|#|number|no\\.?)|mrn|chart\\s*(?:#|number|no\\.?))';
  // Where one labelled value ends: a separator, or the next label on the same line.
  const VALUE_END = new RegExp(`\\s[·|•—–]\\s|\\s-\\s|\\s@\\s|;|\\s\\(|\\s(?=(?:${DATE_LABEL}|dob|d\\.o\\.b\\.?|clinician|provider|therapist|time|age|mrn|(?:client|patient)\\s+id)\\s*[:：])`, 'i');

  const bareLabel = (source) => new RegExp(`^${source}\\s*[:：—–-]?$`, 'i');
  const inlineLabel = (source) => new RegExp(`(?:^|[\\s|·•,;(])${source}\\s*[:：]\\s*(.*)$`, 'i');
  // A date also follows its label after a dot or a dash ("Session · 07 Apr 2026") or a
  // preposition ("Sitzung am 15.04.2026", "Session on 4/7/2026"): a date cannot be misread
  // as a label's value the way a name can, so these looser forms are for dates only.
  const looseDateLabel = (source) => new RegExp(`(?:^|[\\s|·•,;(])${source}\\s*(?:\\s[·•—–]\\s|\\s(?:on|am|le|el|du)\\s)\\s*(.*)$`, 'i');

  /** Whether a text is the label alone, or the label in two languages ("المراجع · Client",
   * "Client / Cliente"): one part is the label and no part holds a value's digits. */
  const isBareLabel = (bare, text) => {
    if (bare.test(text)) return true;
    const parts = text.split(/\s[·/|]\s/);
    return parts.length === 2 && !/\d/.test(text) && parts.some((part) => bare.test(part));
  };

  /** Values that follow a label in the page's text, in page order: "Label: value" in one
   * text, a bare label then the next text or input, and elements titled by the label
   * (or whose title or aria-label holds both: an avatar "Client: Jane Doe" showing "JD"). */
  function* labelledValues(items, roots, source, loose = null) {
    const bare = bareLabel(source);
    const inline = inlineLabel(source);
    for (let index = 0; index < items.length; index += 1) {
      const { text } = items[index];
      const next = items[index + 1]?.text ?? '';
      const looseMatch = loose && text.match(loose);
      // "Last session · 01/12/2026" is not this session's date.
      if (looseMatch?.[1] && !NOT_SESSION_DATE.test(text.slice(0, looseMatch.index + 1))) yield { value: looseMatch[1].split(VALUE_END)[0], strict: false };
      const match = text.match(inline);
      if (match) yield { value: clean(match[1] || next).split(VALUE_END)[0], strict: false };
      else if (isBareLabel(bare, text)) yield { value: clean(next).split(VALUE_END)[0], strict: true };
    }
    for (const { element } of M.queryAll(roots, '[title], [aria-label]')) {
      if (element.isContentEditable) continue;
      for (const label of [element.getAttribute('aria-label'), element.getAttribute('title')]) {
        if (!label) continue;
        if (bare.test(label)) yield { value: M.shownValue(element), strict: true };
        const match = label.match(inline);
        if (match?.[1]) yield { value: clean(match[1]).split(VALUE_END)[0], strict: true };
      }
    }
  }

  /** The labelled values one by one (the first accepted one ends the search). */
  function* valuesOf(labelled, shape = (value) => value) {
    for (const { value } of labelled) yield shape(value);
  }

  function firstOf(values, accept) {
    for (const value of values) {
      const accepted = value ? accept(value) : null;
      if (accepted) return accepted;
    }
    return null;
  }

  const HINTED = '[class*="client" i], [class*="patient" i], [id*="client" i], [id*="patient" i], [data-testid*="client" i], [data-testid*="patient" i]';
  // Where EHRs show who the session is with: headers, chips, and the appointment's own card.
  // A telehealth call's video tiles name the person on the other end.
  const HEADERISH = ['header', '[role="banner"]', ...['header', 'banner', 'chip', 'pill', 'topbar', 'summary', 'appointment', 'session', 'visit', 'encounter', 'booking', 'profile', 'video', 'participant']
    .map((word) => `[class*="${word}" i]`)].join(', ');
  const BREADCRUMB = 'nav[aria-label*="breadcrumb" i], [class*="crumb" i], [aria-label*="breadcrumb" i]';
  // An element classed as a name ("name", "pt-name"), unless it is the clinician's or the user's.
  const NAMED = '[class~="name" i], [class*="-name" i], [class*="name-" i], [class*="Name"], [class$="name" i]';
  const NOT_THE_CLIENT = /provider|clinician|therapist|staff|user|author|signed|account|doctor|practice|file/i;
  const PEOPLE = /^(?:clients?|patients?|clientes?|pacientes?)$/i;

  const within = (items, container) => items.filter(({ element }) => container.contains(element));
  /** What a selector matches inside `scope` (across shadow roots), or anywhere without one. */
  const query = (roots, selector, scope) => (scope
    ? M.queryAll([{ root: scope }, ...roots.filter(({ root }) => root.host && M.containsAcross(scope, root.host))], selector)
    : M.queryAll(roots, selector));
  const shortTexts = (items, matches) => matches.flatMap(({ element }) => within(items, element)
    .flatMap(({ text }) => [text, ...segments(text).map((part) => part.split(/\s\(/)[0])]));

  function fromBreadcrumbs(items, roots, scope) {
    for (const { element } of query(roots, BREADCRUMB, scope)) {
      const parts = within(items, element).flatMap(({ text }) => text.split(/\s*[›>»/\\]\s*/)).map(clean).filter(Boolean);
      const after = parts.findIndex((part) => PEOPLE.test(part));
      const name = (after >= 0 ? M.looksLikeName(parts[after + 1] ?? '') : null) ?? firstOf(parts, M.looksLikeName);
      if (name) return name;
    }
    return null;
  }

  // A patient banner leads with the name, then the birth date or chart number ("Imogen
  // Fairweather · Born 14 Feb 1992 · Patient #5120"), in one text or one strip of texts.
  // (A name after them is something else: an insurer, a referrer.)
  const BANNER_MARK = /\b(?:dob|d\.o\.b\.?|born|birth\s*date|date\s+of\s+birth|mrn|(?:client|patient)\s*(?:#|id\b|no\.))/i;
  function besideBanner(items) {
    for (const item of items) {
      const mark = item.text.match(BANNER_MARK);
      if (!mark || !item.element) continue;
      const own = segments(item.text.slice(0, mark.index));
      for (const around of [item.element, item.element.parentElement]) {
        const strip = around ? within(items, around) : [];
        const before = strip.slice(0, strip.indexOf(item)).flatMap(({ text }) => segments(text));
        const name = strip.length <= 12 ? firstOf([...before, ...own], M.looksLikeName) : null;
        if (name) return name;
      }
    }
    return null;
  }

  const NAME_ATTRIBUTES = ['data-client-name', 'data-patient-name', 'data-client-full-name', 'data-patient-full-name', 'data-client', 'data-patient'];
  const DATE_ATTRIBUTES = ['data-appointment-date', 'data-session-date', 'data-date-of-service', 'data-service-date', 'data-dos', 'data-visit-date'];
  const segments = (text) => text.split(/\s[|·•—–:-]\s|:\s/);
  // "Progress note for Imani Brooks — session 04/10/2026": the name ends at the separator.
  const WITH_NAME = /\b(?:session|appointment|visit|note|notes|meeting|chart|encounter)\s+(?:with|for|of)\s+(.+)$/i;

  /** The client's name, from the page alone (site adapters try their selectors first). */
  M.readGenericClient = (roots, items = M.textItems(roots), scope = null) => {
    for (const { element } of query(roots, NAME_ATTRIBUTES.map((name) => `[${name}]`).join(', '), scope)) {
      // data-client-name says what it holds; a bare data-client may hold an id instead.
      const name = firstOf(NAME_ATTRIBUTES, (attribute) => {
        const value = element.getAttribute(attribute);
        if (value === null) return null;
        return attribute.endsWith('name') ? M.acceptName(value) : M.looksLikeName(value);
      });
      if (name) return name;
    }
    for (const { value, strict } of labelledValues(items, roots, CLIENT_LABEL)) {
      const name = strict ? M.looksLikeName(value) : M.acceptName(value);
      if (name) return name;
    }
    const fromInputs = M.readNameFields(roots, scope);
    if (fromInputs) return fromInputs;
    // Small elements named for the client (a header chip, "patient-name"), not whole panes;
    // their values may be one of several parts ("Doe, Jane | #1234 | Appointment: ...").
    const hinted = query(roots, HINTED, scope).filter(({ element }) => shortText(element) && !/(?:list|search|portal|message)/i.test(element.getAttribute('class') ?? ''));
    const named = query(roots, NAMED, scope).filter(({ element }) => !NOT_THE_CLIENT.test(element.getAttribute('class') ?? ''));
    return firstOf(shortTexts(items, hinted), M.looksLikeName)
      ?? fromBreadcrumbs(items, roots, scope)
      ?? firstOf(items.map(({ text }) => text.match(WITH_NAME)?.[1].split(VALUE_END)[0]), M.looksLikeName)
      ?? firstOf(shortTexts(items, named), M.looksLikeName)
      ?? besideBanner(items)
      ?? firstOf(shortTexts(items, query(roots, HEADERISH, scope)), M.looksLikeName)
      // A chart headed by the name ("Jane Doe", "Progress note — Jane Doe"), or titled so.
      ?? firstOf(query(roots, 'h1, h2', scope).flatMap(({ element }) => segments(shortText(element))), M.looksLikeName)
      ?? (scope ? null : firstOf(segments(document.title), M.looksLikeName));
  };

  const DATE_PARTS = /\s[·|•]\s|;\s/;
  const HEADINGS = 'h1, h2, h3, h4, h5, h6, [role="heading"], header';
  const NOT_SESSION_DATE = /\b(?:dob|d\.o\.b|birth|born|signed|created|updated|modified|printed|due|since|expires?|last|next|geb|geboren|geburt\w*|naissance|nacimiento)\b/i;

  // "Yesterday" / "Today" / "Tomorrow" alone as a heading over a list groups a sidebar's
  // sessions by day; it is not this session's date ("Today at 1:00 PM" still is).
  const BARE_RELATIVE = /^(?:today|yesterday|tomorrow)\s*:?$/i;
  const LIST = 'ul, ol, table, dl, [role="list"], [role="listbox"], [role="table"], [role="grid"]';
  const groupHeading = ({ text, element }) => BARE_RELATIVE.test(text) && Boolean(element)
    && (element.matches?.(HEADINGS) || Boolean(element.nextElementSibling?.matches(LIST)));

  /** The appointment date, from the page alone. */
  M.readGenericDate = (roots, items = M.textItems(roots), scope = null, anyDate = true) => {
    for (const { element } of query(roots, DATE_ATTRIBUTES.map((name) => `[${name}]`).join(', '), scope)) {
      const date = firstOf(DATE_ATTRIBUTES.map((attribute) => element.getAttribute(attribute)), M.parseDate);
      if (date) return date;
    }
    const labelled = firstOf(valuesOf(labelledValues(items, roots, DATE_LABEL, looseDateLabel(DATE_LABEL))), M.parseDate);
    if (labelled) return labelled;
    const dateInputs = query(roots, 'input[type="date"], input[type="datetime-local"]', scope).filter(({ element }) => element.value && !NOT_SESSION_DATE.test(M.inputName(element)));
    if (dateInputs.length === 1) return M.parseDate(dateInputs[0].element.value);
    // Any date the page shows, except a birth date or a record's own timestamps (said in
    // the text before it, or by the label before it: a text without digits). Not in a
    // note's form or card, where a list of earlier sessions' dates may sit under the note.
    const anyIn = (list) => {
      for (let index = 0; index < list.length; index += 1) {
        if (groupHeading(list[index])) continue;
        const before = list[index - 1]?.text ?? '';
        let lead = /\d/.test(before) ? '' : before.slice(-40);
        // "DOB 03.05.1979 · Session 15.04.2026": each date judged by the words before it.
        for (const part of list[index].text.split(DATE_PARTS)) {
          const date = M.parseDate(part);
          if (date && !NOT_SESSION_DATE.test(`${lead} ${part.split(/\d/)[0]}`)) return date;
          lead = '';
        }
      }
      return null;
    };
    if (anyDate) return anyIn(items) ?? (scope ? null : M.parseDate(document.title));
    // The note's own card or pane: a list of earlier sessions may sit under the note, but its
    // heading ("Progress Note · Apr 29, 2026") names this one.
    return anyIn(shortTexts(items, query(roots, HEADINGS, scope)).map((text) => ({ text })));
  };

  /** The EHR's id for the client when the page shows one (data attribute or "Client ID:"). */
  M.readGenericClientRef = (roots, items = M.textItems(roots), scope = null) => {
    const tagged = query(roots, '[data-client-id], [data-patient-id]', scope)[0]?.element;
    const fromAttribute = tagged?.getAttribute('data-client-id') ?? tagged?.getAttribute('data-patient-id');
    const accept = (value) => (/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(value) && /\d/.test(value) ? value : null);
    return accept(clean(fromAttribute ?? '')) ?? firstOf(valuesOf(labelledValues(items, roots, REF_LABEL), (value) => value.split(' ')[0].replace(/^#/, '')), accept)
      ?? idAfterName(items, accept);
  };

  // "Fairbanks, Delphine (ID 30418)": an id in brackets right after a name is the client's.
  const BRACKETED_ID = /^(.*?)\s*\(\s*(?:id|#|mrn)\s*[:#]?\s*#?([A-Za-z0-9_-]+)\s*\)/i;
  function idAfterName(items, accept) {
    for (let index = 0; index < items.length; index += 1) {
      const match = items[index].text.match(BRACKETED_ID);
      const name = match && (match[1] ? stripLabel(match[1]) : items[index - 1]?.text ?? '');
      if (match && M.looksLikeName(name) && accept(match[2])) return match[2];
    }
    return null;
  }

  M.shortText = shortText;
  M.clean = clean;
})();
