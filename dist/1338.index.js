export const id = 1338;
export const ids = [1338];
export const modules = {

/***/ 31338:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   connectorEnvironment: () => (/* binding */ connectorEnvironment)
/* harmony export */ });
// Where the connectors' settings come from in a real run: the configuration's `connectors` section for
// what may be reviewed in a pull request (which role to assume in which account, which Jira site), and
// the environment for every credential — the standard variables each SDK and the runner already use.
// AWS credentials and AWS_ENDPOINT_URL* are left to the SDK's own chain.
const nonEmpty = (value) => value === undefined || value === '' ? undefined : value;
function connectorEnvironment(settings, env) {
    const { aws, slack, github, jira } = settings.connectors;
    const slackToken = nonEmpty(env.SLACK_BOT_TOKEN);
    const slackUrl = nonEmpty(env.SLACK_API_URL) ?? slack?.api_url;
    const githubToken = nonEmpty(env.GITHUB_TOKEN);
    const githubUrl = nonEmpty(env.GITHUB_API_URL);
    const githubRepository = github?.repository ?? nonEmpty(env.GITHUB_REPOSITORY);
    const jiraEmail = nonEmpty(env.JIRA_EMAIL);
    const jiraToken = nonEmpty(env.JIRA_API_TOKEN);
    return {
        aws: {
            ...(aws?.accounts ? { roles: aws.accounts } : {}),
            ...(aws?.max_attempts ? { maxAttempts: aws.max_attempts } : {}),
        },
        ...(slackToken ? { slack: { token: slackToken, ...(slackUrl ? { apiUrl: slackUrl } : {}) } } : {}),
        ...(githubToken
            ? {
                github: {
                    token: githubToken,
                    ...(githubUrl ? { baseUrl: githubUrl } : {}),
                    ...(githubRepository ? { repository: githubRepository } : {}),
                },
            }
            : {}),
        ...(jira?.base_url && jiraEmail && jiraToken
            ? { jira: { host: jira.base_url, email: jiraEmail, apiToken: jiraToken } }
            : {}),
    };
}
//# sourceMappingURL=environment.js.map

/***/ })

};
