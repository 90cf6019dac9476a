import { localeDigits } from '~/i18n/digits';

const ROW_ID = /^line-\d+-/;

/** Writes the rows' numbers into their legends, ids, labels and remove buttons again. */
function renumber(list: HTMLElement, locale: string, legendTemplate: string) {
  list.querySelectorAll<HTMLElement>('[data-bill-line]').forEach((row, index) => {
    const shown = localeDigits(String(index + 1), locale);
    const legend = row.querySelector('[data-line-legend]');
    if (legend) legend.textContent = legendTemplate.replace('{n}', shown);
    row.querySelectorAll<HTMLElement>('[id]').forEach((element) => {
      element.id = element.id.replace(ROW_ID, `line-${index}-`);
    });
    row.querySelectorAll<HTMLLabelElement>('label[for]').forEach((label) => {
      label.htmlFor = label.htmlFor.replace(ROW_ID, `line-${index}-`);
    });
    const remove = row.querySelector<HTMLButtonElement>('[data-remove-line]');
    if (remove) remove.textContent = (remove.dataset.labelTemplate ?? '').replace('{n}', shown);
  });
}

/**
 * Lets the owner add and remove bill rows in the browser. Without JavaScript the form has a
 * fixed number of rows (empty ones are ignored), and these buttons stay hidden.
 */
export function enableBillLines(form: HTMLElement): void {
  const list = form.querySelector<HTMLElement>('[data-bill-lines]');
  const add = form.querySelector<HTMLButtonElement>('[data-add-line]');
  if (!list || !add) return;
  const locale = add.dataset.locale ?? 'en';
  const legendTemplate = add.dataset.legendTemplate ?? '{n}';
  const showButtons = () => {
    const rows = list.querySelectorAll('[data-bill-line]');
    rows.forEach((row) => {
      const remove = row.querySelector<HTMLButtonElement>('[data-remove-line]');
      if (remove) remove.hidden = rows.length <= 1;
    });
  };
  add.hidden = false;
  add.addEventListener('click', () => {
    const last = list.querySelector<HTMLElement>('[data-bill-line]:last-child');
    if (!last) return;
    const row = last.cloneNode(true) as HTMLElement;
    row.querySelectorAll('input').forEach((input) => {
      input.value = '';
      input.removeAttribute('aria-invalid');
      input.removeAttribute('aria-describedby');
    });
    row.querySelectorAll('.error-message').forEach((message) => message.remove());
    row
      .querySelectorAll('.field-invalid')
      .forEach((field) => field.classList.remove('field-invalid'));
    list.append(row);
    renumber(list, locale, legendTemplate);
    showButtons();
    row.querySelector('select')?.focus();
  });
  list.addEventListener('click', (event) => {
    const remove = (event.target as HTMLElement).closest('[data-remove-line]');
    const row = remove?.closest<HTMLElement>('[data-bill-line]');
    if (!row) return;
    const next = row.nextElementSibling ?? row.previousElementSibling;
    row.remove();
    renumber(list, locale, legendTemplate);
    showButtons();
    next?.querySelector<HTMLElement>('select')?.focus();
  });
  showButtons();
}
