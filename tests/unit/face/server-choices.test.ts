// The Console's site → server choice as data: the only server is chosen for the technician, several are not.
import { describe, expect, it } from 'vitest';
import { serverChoices, choiceLabel } from '../../../main/core/face/server-choices';
import { consoleStatusName } from '../../../main/core/face/status-names';

const one = [{ id: 's1', name: 'Main building', servers: [{ id: 'f1', name: 'Reception', online: true }] }];

describe('serverChoices', () => {
  it('preselects the only server; a server that reports no pending count shows null, not 0', () => {
    const c = serverChoices(one);
    expect(c.preselected).toEqual({ siteId: 's1', serverId: 'f1' });
    expect(c.reason).toBe('only-server');
    expect(c.sites[0]?.servers[0]?.pendingMessages).toBeNull();
    expect(choiceLabel(c.sites[0]!.servers[0]!)).toBe('Main building › Reception');
  });

  it('a remembered server that no longer exists is not preselected among several', () => {
    const two = [
      ...one,
      {
        id: 's2',
        name: 'Car park',
        servers: [{ id: 'f3', name: 'Gate', online: false, pendingMessages: 4 }],
      },
    ];
    const c = serverChoices(two, { siteId: 's9', serverId: 'gone' });
    expect(c.preselected).toBeNull();
    expect(c.reason).toBe('several-servers');
    expect(c.sites[1]?.servers[0]).toMatchObject({ online: false, pendingMessages: 4 });
    expect(serverChoices([]).reason).toBe('no-servers');
  });

  it('names card statuses as the Console does', () => {
    expect(
      ['connected', 'unauthorized', 'disconnected', 'unconfigured'].map((s) => consoleStatusName(s as never)),
    ).toEqual(['Connected', 'Unauthorized', 'Disconnected', 'No status']);
  });
});
