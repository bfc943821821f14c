import { escapeLikePattern } from './like-pattern';

describe('escapeLikePattern', () => {
  it('escapes the wildcards and the escape character itself', () => {
    expect(escapeLikePattern('50%_off\\now')).toBe('50\\%\\_off\\\\now');
  });

  it('leaves other text alone', () => {
    expect(escapeLikePattern('WO-0001 gift [set]')).toBe('WO-0001 gift [set]');
  });
});
