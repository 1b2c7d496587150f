import { Subject } from 'rxjs';
import { SEARCH_DEBOUNCE_MS, searchChanges } from './search-changes';

describe('searchChanges', () => {
  let url: string;
  let typed: Subject<string>;
  let sent: (string | null)[];

  beforeEach(() => {
    jest.useFakeTimers();
    url = '';
    typed = new Subject<string>();
    sent = [];
    searchChanges(typed, () => url).subscribe((search) => {
      sent.push(search);
      url = search ?? '';
    });
  });
  afterEach(() => jest.useRealTimers());

  function type(value: string): void {
    typed.next(value);
    jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
  }

  it('sends the trimmed search after a pause, only the last of a burst', () => {
    typed.next('P');
    typed.next('PO');
    type(' PO-1 ');
    expect(sent).toEqual(['PO-1']);
  });

  it('sends a cleared box as null', () => {
    type('PO-1');
    type('   ');
    expect(sent).toEqual(['PO-1', null]);
  });

  it('sends the same search again after the URL was cleared elsewhere', () => {
    type('PO-1');
    url = ''; // "Clear filters" or browser back
    type('PO-1');
    expect(sent).toEqual(['PO-1', 'PO-1']);
  });

  it('does not send back what the URL already says', () => {
    url = 'PO-1'; // the box was filled from the URL
    type('PO-1');
    type('PO-1 ');
    expect(sent).toEqual([]);
  });
});
