// <backcheck-widget> in jsdom: shadow root, options from attributes, events out, unmount on removal.
import { fireEvent, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { BackcheckWidget, defineBackcheckWidget } from '../../src/embed/element.tsx';

beforeAll(() => {
  defineBackcheckWidget();
});
afterEach(() => {
  document.body.innerHTML = '';
  localStorage.clear();
  vi.restoreAllMocks();
});

function mount(attributes: Record<string, string> = {}): HTMLElement {
  const el = document.createElement('backcheck-widget');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  document.body.append(el);
  return el;
}

const screen = (el: HTMLElement) => within(el.shadowRoot as unknown as HTMLElement);

describe('<backcheck-widget>', () => {
  it('renders the check in an open shadow root without taking focus', async () => {
    const el = mount({ locale: 'en' });
    expect(el.shadowRoot).not.toBeNull();
    expect(await screen(el).findByRole('button', { name: 'Start' })).toBeInTheDocument();
    expect(document.activeElement).toBe(document.body);
    // Nothing rendered into the page itself.
    expect(document.body.children).toHaveLength(1);
    expect(el.children).toHaveLength(0);
  });

  it('re-renders when an attribute changes', async () => {
    const el = mount({ locale: 'en' });
    await screen(el).findByRole('button', { name: 'Start' });
    el.setAttribute('locale', 'es');
    expect(await screen(el).findByRole('button', { name: 'Empezar' })).toBeInTheDocument();
  });

  it('reports each bad option once, however often it re-renders', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const el = mount({ locale: 'en', 'contact-url': 'javascript:alert(1)' });
    el.setAttribute('clinic-name', 'A');
    el.setAttribute('clinic-name', 'B');
    await screen(el).findByRole('button', { name: 'Start' });
    await new Promise((r) => setTimeout(r, 0));
    const about = errors.mock.calls.map((c) => String(c[0])).filter((m) => m.includes('contact-url'));
    expect(about).toHaveLength(1);
    expect(about[0]).toMatch(/^<backcheck-widget>: "contact-url"/);
  });

  it('tells the page when the person starts, with a bubbling, composed event', async () => {
    const el = mount({ locale: 'en' });
    const events: CustomEvent[] = [];
    document.addEventListener('backcheck:start', (e) => events.push(e as CustomEvent));
    fireEvent.click(await screen(el).findByRole('button', { name: 'Start' }));
    await waitFor(() => expect(events).toHaveLength(1));
    expect(events[0]).toMatchObject({ bubbles: true, composed: true, detail: {}, target: el });
  });

  it("saves nothing in the clinic site's storage unless save-progress is set", async () => {
    const plain = mount({ locale: 'en' });
    fireEvent.click(await screen(plain).findByRole('button', { name: 'Start' }));
    fireEvent.click(await screen(plain).findByRole('radio', { name: 'No' }));
    fireEvent.click(screen(plain).getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(screen(plain).getByRole('button', { name: 'Back' })).toBeInTheDocument());
    expect(localStorage.length).toBe(0);

    const saving = mount({ locale: 'en', 'save-progress': '' });
    fireEvent.click(await screen(saving).findByRole('button', { name: 'Start' }));
    fireEvent.click(await screen(saving).findByRole('radio', { name: 'No' }));
    fireEvent.click(screen(saving).getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(localStorage.length).toBe(1));
  });

  it("leaves the clinic page's history alone unless browser-history is set; then Back goes one screen back", async () => {
    const before = window.history.length;
    const plain = mount({ locale: 'en' });
    fireEvent.click(await screen(plain).findByRole('button', { name: 'Start' }));
    fireEvent.click(await screen(plain).findByRole('radio', { name: 'No' }));
    fireEvent.click(screen(plain).getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(screen(plain).getByRole('button', { name: 'Back' })).toBeInTheDocument());
    expect(window.history.length).toBe(before);
    expect(window.history.state).toBeNull();
    plain.remove();

    const withHistory = mount({ locale: 'en', 'browser-history': '' });
    fireEvent.click(await screen(withHistory).findByRole('button', { name: 'Start' }));
    // The first question's heading, once its answers are on screen (before that, the intro's heading may still show).
    const no = await screen(withHistory).findByRole('radio', { name: 'No' });
    const firstHeading = screen(withHistory).getByRole('heading', { level: 1 }).textContent;
    fireEvent.click(no);
    fireEvent.click(screen(withHistory).getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(screen(withHistory).getByRole('heading', { level: 1 }).textContent).not.toBe(firstHeading));
    expect(window.history.length).toBeGreaterThan(before);
    // The browser's Back (the phone's back gesture) returns to the first screen, inside the page.
    window.history.back();
    await waitFor(() => expect(screen(withHistory).getByRole('heading', { level: 1 }).textContent).toBe(firstHeading));
  });

  it('keeps the person’s place when moved, and unmounts when removed', async () => {
    const el = mount({ locale: 'en' });
    fireEvent.click(await screen(el).findByRole('button', { name: 'Start' }));
    const question = await screen(el).findByRole('radio', { name: 'No' });
    const elsewhere = document.createElement('section');
    document.body.append(elsewhere);
    elsewhere.append(el);
    await new Promise((r) => setTimeout(r, 0));
    expect(screen(el).getByRole('radio', { name: 'No' })).toBe(question);

    el.remove();
    await new Promise((r) => setTimeout(r, 0));
    expect(el.shadowRoot?.querySelector('.backcheck')).toBeNull();
  });

  it('takes brand options as properties of its root, and refuses an accent too faint for the dark theme once', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const el = mount({ locale: 'en', 'accent-color': '#0a6e4f', radius: '14', font: 'Georgia' });
    await screen(el).findByRole('button', { name: 'Start' });
    el.setAttribute('clinic-name', 'Again');
    await new Promise((r) => setTimeout(r, 0));
    const root = el.shadowRoot?.querySelector<HTMLElement>('.backcheck-embed');
    expect(root?.style.getPropertyValue('--backcheck-host-accent')).toBe('#0a6e4f');
    expect(root?.style.getPropertyValue('--backcheck-host-dark-accent')).toBe('initial');
    expect(root?.style.getPropertyValue('--backcheck-host-radius')).toBe('14px');
    expect(root?.style.getPropertyValue('--backcheck-host-font')).toMatch(/^Georgia/);
    const contrast = errors.mock.calls.map((c) => String(c[0])).filter((m) => m.includes('contrast'));
    expect(contrast).toEqual([expect.stringMatching(/^<backcheck-widget>: "accent-color" #0a6e4f has a contrast of 2\.95:1 .* dark theme/)]);

    // Taking the option away takes its properties away.
    el.removeAttribute('radius');
    await new Promise((r) => setTimeout(r, 0));
    expect(root?.style.getPropertyValue('--backcheck-host-radius')).toBe('');
  });

  it('defines itself once; a second copy of the script says so and changes nothing', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    // The same copy again (one module, imported twice): silent.
    expect(defineBackcheckWidget('https://cdn.example/backcheck.js')).toBe(false);
    expect(warn).not.toHaveBeenCalled();
    // Another copy (another URL or version of the script): a different class with the same name.
    class Copy extends HTMLElement {}
    const registry = customElements;
    const define = vi.spyOn(registry, 'get').mockReturnValue(Copy);
    expect(defineBackcheckWidget('https://cdn.example/backcheck.js?copy')).toBe(false);
    define.mockRestore();
    expect(customElements.get('backcheck-widget')).toBe(BackcheckWidget);
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([
      expect.stringMatching(/^backcheck\.js .* \(https:\/\/cdn\.example\/backcheck\.js\?copy\) is on this page more than once: <backcheck-widget> was already defined by .*; this copy does nothing/),
    ]);
  });
});
