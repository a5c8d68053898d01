/**
 * The only way the sidebar builds DOM. Text is always set through text nodes / textContent,
 * never innerHTML, so user data (KR titles, pasted text, sheet names) can never become markup
 * (design §7).
 */
export type Child = Node | string | number | null | undefined | false;
export type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (typeof v === 'function') {
      el.addEventListener(k.replace(/^on/, '').toLowerCase(), v as EventListener);
    } else if (k === 'className') {
      el.className = String(v);
    } else if (k === 'value' && 'value' in el) {
      (el as unknown as { value: string }).value = String(v);
    } else if (v === true) {
      el.setAttribute(k, '');
    } else {
      el.setAttribute(k, String(v));
    }
  }
  append(el, ...children);
  return el;
}

export function append(el: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

export function clear(el: Node): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

/** A `<select>` whose options come from data (labels set as text). */
export function select(id: string, options: { value: string; label: string }[], selected?: string): HTMLSelectElement {
  const s = h('select', { id, name: id });
  for (const o of options) {
    const opt = h('option', { value: o.value }, o.label);
    if (o.value === selected) opt.selected = true;
    s.appendChild(opt);
  }
  return s;
}

export function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  const id = control.id;
  return h('div', { className: 'field' }, h('label', { for: id }, label), control, hint ? h('div', { className: 'hint' }, hint) : null);
}
