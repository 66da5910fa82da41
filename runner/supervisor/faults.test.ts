import { describe, expect, it } from 'vitest';
import { NO_CHAOS, parseChaos, simulatorFaults } from './faults';

describe('the chaos schedule', () => {
  it('reads crash points, timed chaos and a poison value', () => {
    expect(parseChaos('crash-after-publish=0.2, kill-every=2s,nats-drop-every=1500ms,nats-delay=20,poison=bad')).toEqual({
      ...NO_CHAOS, crashAfterPublish: 0.2, killEveryMs: 2000, natsDropEveryMs: 1500, natsDelayMs: 20, poisonValue: 'bad',
    });
    expect(parseChaos('')).toEqual(NO_CHAOS);
  });

  it('says what is wrong and where', () => {
    expect(() => parseChaos('crash-after-publish=2')).toThrow('fault crash-after-publish needs a probability in [0, 1]: crash-after-publish=2');
    expect(() => parseChaos('kill-every=soon')).toThrow(/kill-every needs a duration/);
    expect(() => parseChaos('constructor=1')).toThrow(/unknown fault "constructor"/);
    expect(() => parseChaos('poison=')).toThrow(/poison needs a value/);
  });

  it('maps crash points one to one onto the simulator, and timed kills onto a little of the crashes they cause', () => {
    expect(simulatorFaults(parseChaos('crash-before-commit=0.1,crash-after-commit=0.2,duplicate=0.3'))).toEqual(expect.objectContaining({
      crashBeforeCommit: 0.1, crashAfterCommit: 0.2, duplicateDelivery: 0.3, crashAfterPublish: 0, crashAfterHandle: 0,
    }));
    expect(simulatorFaults(parseChaos('kill-every=1s'))).toEqual(expect.objectContaining({ crashAfterPublish: 0.05, crashAfterHandle: 0.05 }));
  });
});
