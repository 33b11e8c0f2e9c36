// What a failed write becomes on the page: the ids the core keeps in an error's detail (change id, check id) survive
// the bridge even when the error is said from the catalogs (key and parameters), so Keep waiting and Check can follow.
import { describe, expect, it } from 'vitest';
import { toCallError } from '../../renderer/bridge/errors';
import { writeStateOf } from '../../renderer/store/pending';

const wire = (e: Record<string, unknown>): unknown => ({ name: 'Xs4Error', message: 'm', remedy: 'r', ...e });

describe('a write left without its end', () => {
  it('FACE_WRITE_PENDING said from the catalog keeps its change id: the step offers Keep waiting', () => {
    const error = toCallError(
      wire({
        code: 'FACE_WRITE_PENDING',
        key: 'errors.FACE_WRITE_PENDING',
        params: { route: 'Integrations', seconds: 4 },
        detail: { route: 'integrations.add', changeId: 'chg-1', waitedMs: 4012 },
      }),
    );
    expect(writeStateOf('addIntegrations', 'integrations', error)).toMatchObject({
      writeOn: 'integrations',
      pendingWrite: { changeId: 'chg-1', action: 'addIntegrations', waitedMs: 4012, stopped: false },
    });
  });

  it('a stopped wait says so, and FACE_WRITE_UNCONFIRMED keeps its check id and reason', () => {
    const stopped = toCallError(
      wire({
        code: 'FACE_WRITE_PENDING',
        key: 'errors.FACE_WRITE_PENDING.stopped',
        params: { route: 'Integrations', seconds: 2 },
        detail: { changeId: 'chg-2', waitedMs: 2000, stopped: true },
      }),
    );
    expect(writeStateOf('saveDetails', 'spaceDetails', stopped)?.pendingWrite).toMatchObject({
      changeId: 'chg-2',
      stopped: true,
    });
    const unconfirmed = toCallError(
      wire({
        code: 'FACE_WRITE_UNCONFIRMED',
        key: 'errors.FACE_WRITE_UNCONFIRMED.timeout',
        params: { route: 'Enrollment Service' },
        detail: { reason: 'timeout', checkId: 'unconfirmed-0123456789abcdef' },
      }),
    );
    expect(writeStateOf('saveEnrollment', 'enrollment', unconfirmed)).toMatchObject({
      unconfirmedWrite: { checkId: 'unconfirmed-0123456789abcdef', reason: 'timeout' },
    });
  });

  it('the catalog parameters stay what the sentence interpolates: ids are not added to them', () => {
    const error = toCallError(
      wire({
        code: 'FACE_WRITE_PENDING',
        key: 'errors.FACE_WRITE_PENDING',
        params: { route: 'Integrations', seconds: 4 },
        detail: { changeId: 'chg-1', waitedMs: 4012 },
      }),
    );
    expect(error.params).toEqual({ route: 'Integrations', seconds: 4 });
  });
});
