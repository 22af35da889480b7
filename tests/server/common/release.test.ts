/** The version the mini-program codes and reminders open follows the functions' environment (体验版 during trial). */
import { mpVersion } from '../../../server/common/release';

describe('the mini-program version codes and reminders open', () => {
  it('is the release unless the environment says trial or develop, and a wrong word is refused, not guessed', () => {
    expect(mpVersion({})).toEqual({ envVersion: 'release', miniprogramState: 'formal' });
    expect(mpVersion({ YARDSTICK_MP_VERSION: 'trial' })).toEqual({ envVersion: 'trial', miniprogramState: 'trial' });
    expect(mpVersion({ YARDSTICK_MP_VERSION: 'develop' })).toEqual({ envVersion: 'develop', miniprogramState: 'developer' });
    expect(() => mpVersion({ YARDSTICK_MP_VERSION: 'beta' })).toThrow(/release, trial or develop/);
  });
});
