// The markup of a view as a reader and the style see it: each element's
// tag, classes, the attributes that say what it is or where it goes, and its
// own text. Two views with the same skeleton are the same markup, whoever
// wrote them (the build, the first result's path, or the app).

/** The skeleton of `selector`'s element in `page`, one line per element, indented by depth. */
export async function skeleton(page, selector) {
  return page.evaluate((selector) => {
    const KEPT = ['href', 'role', 'aria-label', 'aria-labelledby', 'aria-pressed', 'aria-current', 'id', 'lang', 'datetime',
      'viewBox', 'x', 'y', 'width', 'height', 'type', 'name', 'value', 'for', 'data-id', 'data-b', 'rel', 'target', 'max'];
    const lines = [];
    const walk = (element, depth) => {
      const classes = [...element.classList].sort().join('.');
      const attributes = KEPT.filter((name) => element.hasAttribute(name))
        .map((name) => `${name}=${JSON.stringify(element.getAttribute(name))}`);
      const text = [...element.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent).join('').replace(/\s+/g, ' ').trim();
      lines.push(`${'  '.repeat(depth)}${element.localName}${classes ? `.${classes}` : ''} ${attributes.join(' ')}${text ? ` "${text}"` : ''}`.trimEnd());
      for (const child of element.children) walk(child, depth + 1);
    };
    const root = document.querySelector(selector);
    if (root) walk(root, 0);
    return lines;
  }, selector);
}
