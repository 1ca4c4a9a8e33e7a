/**
 * Phones: the panel covers the page, so it is modal there. Everywhere, Tab stays inside the open
 * panel: from the last control it cycles to the first instead of leaving for the top of the page.
 */
export function trapFocus(dialog: HTMLElement, shadow: ShadowRoot): void {
  const small = matchMedia("(max-width: 480px)");
  const syncModal = () => (small.matches ? dialog.setAttribute("aria-modal", "true") : dialog.removeAttribute("aria-modal"));
  small.addEventListener("change", syncModal);
  syncModal();
  dialog.addEventListener("keydown", (e) => {
    if (e.key !== "Tab") return;
    const items = [...dialog.querySelectorAll<HTMLElement>("button,textarea,input,a[href],[tabindex='0']")].filter(
      (el) => !el.closest("[hidden]") && !(el as HTMLButtonElement).disabled,
    );
    const active = shadow.activeElement;
    const target = e.shiftKey ? (active === items[0] ? items[items.length - 1] : null) : active === items[items.length - 1] ? items[0] : null;
    if (target) {
      e.preventDefault();
      target.focus();
    }
  });
}
