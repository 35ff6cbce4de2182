// The catalogue, the connectors and the registry agree: every action a playbook may name runs something
// real, under the same name, and declares undo exactly when the catalogue says it is reversible.

import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/config/config.js';
import { connectorEnvironment } from '../../src/connectors/environment.js';
import { connectorNames, loadConnector } from '../../src/connectors/registry.js';
import { shippedCatalogue } from '../../src/playbooks/catalogue.js';

describe('the connector registry', () => {
  it('implements every action of the catalogue, aliases through the action they stand for', async () => {
    const catalogue = shippedCatalogue();
    const runs = new Set(catalogue.names.map((name) => catalogue.get(name)?.runs));
    expect(connectorNames().sort()).toEqual([...runs].sort());
    for (const name of catalogue.names) {
      const spec = catalogue.get(name);
      const action = await loadConnector(spec?.runs ?? '');
      expect(action.name).toBe(spec?.runs);
      expect(action.undo === null, name).toBe(!spec?.reversible);
    }
  });

  it('refuses a name nothing implements', async () => {
    await expect(loadConnector('aws:ec2.terminate_instance')).rejects.toThrow(
      'no connector implements aws:ec2.terminate_instance',
    );
  });
});

describe('connectorEnvironment', () => {
  it('takes credentials from the standard variables and the rest from the configuration', () => {
    const settings = {
      connectors: {
        aws: { accounts: { '111122223333': 'arn:aws:iam::111122223333:role/irac' }, max_attempts: 8 },
        jira: { base_url: 'https://example.atlassian.net' },
      },
    };
    const environment = connectorEnvironment(settings, {
      SLACK_BOT_TOKEN: 'xoxb-1',
      GITHUB_TOKEN: 'ghs_1',
      GITHUB_API_URL: 'https://github.example/api/v3',
      GITHUB_REPOSITORY: 'example/ir',
      JIRA_EMAIL: 'ir@example.com',
      JIRA_API_TOKEN: 'token',
    });
    expect(environment).toEqual({
      aws: { roles: { '111122223333': 'arn:aws:iam::111122223333:role/irac' }, maxAttempts: 8 },
      slack: { token: 'xoxb-1' },
      github: { token: 'ghs_1', baseUrl: 'https://github.example/api/v3', repository: 'example/ir' },
      jira: { host: 'https://example.atlassian.net', email: 'ir@example.com', apiToken: 'token' },
    });
    expect(connectorEnvironment(defaultSettings(), { SLACK_BOT_TOKEN: '' })).toEqual({ aws: {} });
  });
});
