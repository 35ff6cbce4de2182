export const id = 9215;
export const ids = [9215];
export const modules = {

/***/ 50900:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cS: () => (/* binding */ DEFAULT_TIMEOUT),
  RY: () => (/* binding */ shippedCatalogue)
});

// UNUSED EXPORTS: SHIPPED_ACTIONS, actionFile, catalogueOf

;// CONCATENATED MODULE: ./lib/schemas/actions/aws/autoscaling.standby.json
const autoscaling_standby_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"../../action.schema.json","name":"aws:autoscaling.standby","description":"Moves the instance to Standby in its Auto Scaling group, so that the group neither replaces nor terminates the evidence and its load balancers stop sending it traffic; an instance in no group is left alone. Only an InService instance can enter Standby: one still Pending, or already Terminating or Detaching, is left as it is without failing the step (the state and verify say so), so that isolation goes ahead.","destructive":true,"reversible":true,"undo":"ExitStandby returns the instance to service in its group.","permissions":["autoscaling:DescribeAutoScalingInstances","autoscaling:EnterStandby","autoscaling:ExitStandby"],"parameters":{"type":"object","additionalProperties":false,"properties":{"instance_id":{"type":"string","description":"The instance; by default the first EC2 instance the event names.","pattern":"^i-[0-9a-f]{8,17}$","default":"{{ event.resources.filter(r, r.type == \'aws.ec2.instance\')[0].id }}"},"decrement_desired_capacity":{"type":"boolean","description":"Lower the group\'s desired capacity instead of letting it launch a replacement.","default":false}}}}');
;// CONCATENATED MODULE: ./lib/schemas/actions/aws/cloudtrail.lookup_events.json
const cloudtrail_lookup_events_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"../../action.schema.json","name":"aws:cloudtrail.lookup_events","description":"Collects the CloudTrail management events of the incident\'s actor and resources over a window (LookupEvents: paginated, within its 2 requests per second per region), and stores them in the incident as evidence with their sha256. Each attribute is looked up in the event\'s region and in us-east-1, where CloudTrail keeps IAM, STS and console sign-in events; the record says which regions were searched and where each event was found. Data events (S3 object reads) are not available through LookupEvents.","destructive":false,"reversible":false,"undo":"Nothing to undo: it only reads.","permissions":["cloudtrail:LookupEvents"],"timeout":"15m","parameters":{"type":"object","additionalProperties":false,"properties":{"retention":{"type":"string","description":"How far back to look from the incident\'s detection: at most 90 days, CloudTrail\'s own limit.","pattern":"^(([1-9]|[1-8][0-9]|90)d|([1-9]|[1-9][0-9]|[1-9][0-9]{2})h)$","default":"7d"},"lookup_attributes":{"type":"array","description":"One lookup per attribute (LookupEvents takes one at a time); by default the event\'s access keys (AccessKeyId), users (Username) and other AWS resources (ResourceName).","minItems":1,"maxItems":20,"items":{"type":"object","additionalProperties":false,"required":["key","value"],"properties":{"key":{"enum":["AccessKeyId","Username","ResourceName","ResourceType","EventName","EventSource","EventId","ReadOnly"]},"value":{"type":"string","minLength":1,"maxLength":2000}}},"default":"{{ event.resources.filter(r, r.type.startsWith(\'aws.\') && r.type != \'aws.account\').map(r, r.type == \'aws.iam.access_key\' ? {\'key\': \'AccessKeyId\', \'value\': string(r.id)} : r.type == \'aws.iam.user\' ? {\'key\': \'Username\', \'value\': string(r.id)} : {\'key\': \'ResourceName\', \'value\': string(r.id)}) }}"},"max_events":{"type":"integer","description":"Stop after this many events per lookup.","minimum":1,"maximum":50000,"default":5000}}}}');
;// CONCATENATED MODULE: ./lib/schemas/actions/aws/ec2.block_ip.json
const ec2_block_ip_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"../../action.schema.json","name":"aws:ec2.block_ip","description":"Denies an Internet address in both directions at the network ACL of the instance\'s subnet (or the ACL given), with entries in a rule-number range irac reserves, after checking what is already there. The deny reaches every subnet on that ACL (the plan says whether it is the VPC\'s default ACL and on how many subnets). Special-purpose ranges (loopback, link-local, multicast, reserved) are refused; private ranges and the VPC\'s own CIDR blocks only with allow_private.","destructive":true,"reversible":true,"undo":"Deletes the ACL entries it added.","permissions":["ec2:DescribeInstances","ec2:DescribeNetworkAcls","ec2:DescribeVpcs","ec2:CreateNetworkAclEntry","ec2:DeleteNetworkAclEntry"],"parameters":{"type":"object","additionalProperties":false,"properties":{"ip":{"type":"string","description":"An IPv4 or IPv6 address or CIDR; by default the first IP address among the event\'s indicators.","minLength":2,"maxLength":43,"pattern":"^[0-9A-Fa-f:.]+(/[0-9]{1,3})?$","default":"{{ event.indicators.filter(i, i.type == \'ip\')[0].value }}"},"instance_id":{"type":"string","description":"The instance whose subnet\'s ACL gets the entries; by default the first EC2 instance the event names.","pattern":"^i-[0-9a-f]{8,17}$","default":"{{ event.resources.filter(r, r.type == \'aws.ec2.instance\')[0].id }}"},"network_acl_id":{"type":"string","description":"This ACL instead of the instance\'s.","pattern":"^acl-[0-9a-f]{8,17}$"},"allow_private":{"type":"boolean","description":"Deny a private address (RFC 1918, shared address space, IPv6 unique local) or one inside the VPC\'s own CIDR blocks too: a host, NAT gateway or load balancer of this or a connected network, whose traffic the deny cuts for every subnet on the ACL.","default":false}}}}');
;// CONCATENATED MODULE: ./lib/schemas/actions/aws/ec2.disable_imds.json
const ec2_disable_imds_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"../../action.schema.json","name":"aws:ec2.disable_imds","description":"Turns the instance metadata service off for an instance (HttpEndpoint disabled), so that nothing on it can fetch the role\'s credentials again; verified once EC2 reports the change applied, not pending.","destructive":true,"reversible":true,"undo":"Turns the metadata endpoint back on, only while it is still off, keeping the tokens and hop limit as they are then: IMDSv2 required or a hop limit set during the incident stays.","permissions":["ec2:DescribeInstances","ec2:ModifyInstanceMetadataOptions"],"parameters":{"type":"object","additionalProperties":false,"properties":{"instance_id":{"type":"string","description":"The instance; by default the first EC2 instance the event names.","pattern":"^i-[0-9a-f]{8,17}$","default":"{{ event.resources.filter(r, r.type == \'aws.ec2.instance\')[0].id }}"}}}}');
;// CONCATENATED MODULE: ./lib/schemas/actions/aws/ec2.isolate_instance.json
const ec2_isolate_instance_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"../../action.schema.json","name":"aws:ec2.isolate_instance","description":"Isolates an instance as AWSSupport-ContainEC2Instance does: for each network interface, records its security groups, applies an all-open group first (tracked connections become untracked), then a group with no rules at all, which cuts every connection; the two groups are created once per VPC.","destructive":true,"reversible":true,"undo":"Puts back the security groups each network interface had.","permissions":["ec2:DescribeInstances","ec2:DescribeNetworkInterfaces","ec2:DescribeSecurityGroups","ec2:CreateSecurityGroup","ec2:AuthorizeSecurityGroupIngress","ec2:AuthorizeSecurityGroupEgress","ec2:RevokeSecurityGroupIngress","ec2:RevokeSecurityGroupEgress","ec2:ModifyNetworkInterfaceAttribute","ec2:CreateTags"],"parameters":{"type":"object","additionalProperties":false,"properties":{"instance_id":{"type":"string","description":"The instance; by default the first EC2 instance the event names.","pattern":"^i-[0-9a-f]{8,17}$","default":"{{ event.resources.filter(r, r.type == \'aws.ec2.instance\')[0].id }}"}}}}');
;// CONCATENATED MODULE: ./lib/schemas/actions/aws/ec2.protect_instance.json
const ec2_protect_instance_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"../../action.schema.json","name":"aws:ec2.protect_instance","description":"Keeps the evidence from disappearing: termination protection on, shutdown behaviour stop, and DeleteOnTermination off for every attached volume. A Spot Instance gets no termination protection (EC2 refuses it for Spot) and the rest all the same.","destructive":false,"reversible":true,"undo":"Restores the termination protection, shutdown behaviour and DeleteOnTermination values it recorded.","permissions":["ec2:DescribeInstances","ec2:DescribeInstanceAttribute","ec2:ModifyInstanceAttribute"],"parameters":{"type":"object","additionalProperties":false,"properties":{"instance_id":{"type":"string","description":"The instance; by default the first EC2 instance the event names.","pattern":"^i-[0-9a-f]{8,17}$","default":"{{ event.resources.filter(r, r.type == \'aws.ec2.instance\')[0].id }}"}}}}');
;// CONCATENATED MODULE: ./lib/schemas/actions/aws/ec2.replace_instance_profile.json
const ec2_replace_instance_profile_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"../../action.schema.json","name":"aws:ec2.replace_instance_profile","description":"Cuts the credentials an instance gets from its role: replaces its instance profile with a quarantine profile, or removes the profile when none is given. Credentials already handed out stay valid until they expire: revoke the role\'s sessions too.","destructive":true,"reversible":true,"undo":"Associates the instance profile it recorded again.","permissions":["ec2:DescribeIamInstanceProfileAssociations","ec2:ReplaceIamInstanceProfileAssociation","ec2:DisassociateIamInstanceProfile","ec2:AssociateIamInstanceProfile","iam:PassRole"],"parameters":{"type":"object","additionalProperties":false,"properties":{"instance_id":{"type":"string","description":"The instance; by default the first EC2 instance the event names.","pattern":"^i-[0-9a-f]{8,17}$","default":"{{ event.resources.filter(r, r.type == \'aws.ec2.instance\')[0].id }}"},"quarantine_profile_arn":{"type":"string","description":"The instance profile to put in place (one whose role is allowed nothing); the profile is only removed when absent.","pattern":"^arn:aws[a-z-]*:iam::[0-9]{12}:instance-profile/[\\\\w+=,.@/-]{1,128}$"}}}}');
;// CONCATENATED MODULE: ./lib/schemas/actions/aws/ec2.snapshot_instance.json
const ec2_snapshot_instance_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"../../action.schema.json","name":"aws:ec2.snapshot_instance","description":"Snapshots every EBS volume of an instance (CreateSnapshots, crash-consistent across volumes), tagged with the incident id, before anything isolates or changes it: the disk as the attacker left it is evidence. A snapshot EBS failed (state error) does not count: its volume is taken again.","destructive":false,"reversible":false,"undo":"Nothing is undone: the snapshots are evidence and stay until someone deletes them after the retention period.","permissions":["ec2:DescribeInstances","ec2:DescribeSnapshots","ec2:CreateSnapshots","ec2:CreateTags"],"timeout":"30m","parameters":{"type":"object","additionalProperties":false,"properties":{"instance_id":{"type":"string","description":"The instance; by default the first EC2 instance the event names.","pattern":"^i-[0-9a-f]{8,17}$","default":"{{ event.resources.filter(r, r.type == \'aws.ec2.instance\')[0].id }}"}}}}');
;// CONCATENATED MODULE: ./lib/schemas/actions/aws/ec2.tag_resource.json
const ec2_tag_resource_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"../../action.schema.json","name":"aws:ec2.tag_resource","description":"Tags an EC2 resource (an instance by default) with the incident id, so that whoever finds it in the console knows it is under investigation and must not be touched.","destructive":false,"reversible":true,"undo":"Removes the tags it added and restores the values of tags it changed.","permissions":["ec2:DescribeTags","ec2:CreateTags","ec2:DeleteTags"],"parameters":{"type":"object","additionalProperties":false,"properties":{"resource_id":{"type":"string","description":"The resource; by default the first EC2 instance the event names.","pattern":"^[a-z]+(-[a-z]+)?-[0-9a-f]{8,17}$","default":"{{ event.resources.filter(r, r.type == \'aws.ec2.instance\')[0].id }}"},"tags":{"type":"object","description":"Tag keys and values.","minProperties":1,"maxProperties":10,"propertyNames":{"minLength":1,"maxLength":128,"pattern":"^(?!aws:)"},"additionalProperties":{"type":"string","maxLength":256},"default":"{{ {\'irac:incident\': string(incident.id), \'irac:status\': \'under-investigation\'} }}"}}}}');
;// CONCATENATED MODULE: ./lib/schemas/actions/aws/iam.deactivate_access_keys.json
const iam_deactivate_access_keys_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"../../action.schema.json","name":"aws:iam.deactivate_access_keys","description":"Sets an IAM user\'s active access keys to Inactive. Never deletes them: the key id stays searchable in CloudTrail, and the key can be reactivated once the incident is understood.","destructive":true,"reversible":true,"undo":"Reactivates exactly the keys it deactivated, and no others.","permissions":["iam:ListAccessKeys","iam:UpdateAccessKey"],"parameters":{"type":"object","additionalProperties":false,"properties":{"user_name":{"type":"string","description":"The user; by default the first IAM user the event names (never the root user, whose keys IAM cannot touch).","pattern":"^[\\\\w+=,.@-]{1,64}$","default":"{{ event.resources.filter(r, r.type == \'aws.iam.user\' && !(has(r.arn) && r.arn.endsWith(\':root\')))[0].id }}"},"access_key_ids":{"type":"array","description":"Only these keys; every active key of the user when absent.","minItems":1,"maxItems":2,"uniqueItems":true,"items":{"type":"string","pattern":"^AKIA[A-Z0-9]{12,124}$"}}}}}');
;// CONCATENATED MODULE: ./lib/schemas/actions/aws/iam.deny_all.json
const iam_deny_all_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"../../action.schema.json","name":"aws:iam.deny_all","description":"Attaches an inline policy denying every action to an IAM user: API calls and the console are blocked at once, whatever the user\'s other policies allow.","destructive":true,"reversible":true,"undo":"Deletes the inline deny-all policy it attached.","permissions":["iam:GetUserPolicy","iam:PutUserPolicy","iam:DeleteUserPolicy"],"parameters":{"type":"object","additionalProperties":false,"properties":{"user_name":{"type":"string","description":"The user; by default the first IAM user the event names (not the root user).","pattern":"^[\\\\w+=,.@-]{1,64}$","default":"{{ event.resources.filter(r, r.type == \'aws.iam.user\' && !(has(r.arn) && r.arn.endsWith(\':root\')))[0].id }}"}}}}');
;// CONCATENATED MODULE: ./lib/schemas/actions/aws/iam.revoke_role_sessions.json
const iam_revoke_role_sessions_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"../../action.schema.json","name":"aws:iam.revoke_role_sessions","description":"Revokes every session of an IAM role issued before now: an inline policy AWSRevokeOlderSessions denies all actions to credentials whose aws:TokenIssueTime is older than the cutoff (what the console\'s \\"Revoke active sessions\\" does). Every current session is cut, whoever holds it: the attacker\'s, and every person and instance sharing the role (a fleet\'s instances fail until IMDS hands them new credentials). New sessions keep working. Service-linked and IAM Identity Center (AWSReservedSSO_) roles are refused before any change, saying what to do instead.","destructive":true,"reversible":true,"undo":"Deletes the AWSRevokeOlderSessions policy it wrote, which lets sessions issued before the cutoff that have not yet expired work again.","permissions":["iam:GetRole","iam:GetRolePolicy","iam:PutRolePolicy","iam:DeleteRolePolicy"],"parameters":{"type":"object","additionalProperties":false,"properties":{"role_name":{"type":"string","description":"The role (its name, not its ARN); by default the first IAM role the event names.","pattern":"^[\\\\w+=,.@-]{1,64}$","default":"{{ event.resources.filter(r, r.type == \'aws.iam.role\')[0].id }}"}}}}');
;// CONCATENATED MODULE: ./lib/schemas/actions/aws/s3.block_public_access.json
const s3_block_public_access_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"../../action.schema.json","name":"aws:s3.block_public_access","description":"Turns on all four Block Public Access settings of a bucket (BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy, RestrictPublicBuckets), whatever its policy and ACLs say, and checks that the bucket is no longer public.","destructive":true,"reversible":true,"undo":"Restores the bucket\'s previous Block Public Access configuration, or removes it when there was none.","permissions":["s3:GetBucketPublicAccessBlock","s3:PutBucketPublicAccessBlock","s3:GetBucketPolicyStatus"],"parameters":{"type":"object","additionalProperties":false,"properties":{"bucket":{"type":"string","description":"The bucket; by default the first S3 bucket the event names.","pattern":"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$","default":"{{ event.resources.filter(r, r.type == \'aws.s3.bucket\')[0].id }}"}}}}');
;// CONCATENATED MODULE: ./lib/schemas/actions/cloud/fetch_audit_logs.json
const fetch_audit_logs_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"../../action.schema.json","name":"cloud:fetch_audit_logs","description":"The seed\'s name for collecting the audit trail: aws:cloudtrail.lookup_events.","alias_of":"aws:cloudtrail.lookup_events"}');
;// CONCATENATED MODULE: ./lib/schemas/actions/cloud/revoke_session.json
const revoke_session_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"../../action.schema.json","name":"cloud:revoke_session","description":"The seed\'s name for revoking the role\'s sessions: aws:iam.revoke_role_sessions.","alias_of":"aws:iam.revoke_role_sessions"}');
;// CONCATENATED MODULE: ./lib/schemas/actions/cloud/security_group_deny_all.json
const security_group_deny_all_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"../../action.schema.json","name":"cloud:security_group_deny_all","description":"The seed\'s name for isolating the instance: aws:ec2.isolate_instance.","alias_of":"aws:ec2.isolate_instance"}');
;// CONCATENATED MODULE: ./lib/schemas/actions/github/comment.json
const comment_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"../../action.schema.json","name":"github:comment","description":"Comments on the incident\'s GitHub issue (or the issue given) with the step\'s text.","destructive":false,"reversible":false,"undo":"Nothing is undone: comments are part of the record.","permissions":["issues:write"],"parameters":{"type":"object","additionalProperties":false,"properties":{"repository":{"type":"string","description":"owner/name; the repository irac runs in when absent.","pattern":"^[A-Za-z0-9-]{1,39}/[A-Za-z0-9._-]{1,100}$"},"issue_number":{"type":"integer","description":"The issue; the one github:create_issue opened for the incident when absent.","minimum":1},"body":{"type":"string","minLength":1,"maxLength":65536}},"required":["body"]}}');
;// CONCATENATED MODULE: ./lib/schemas/actions/github/create_issue.json
const create_issue_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"../../action.schema.json","name":"github:create_issue","description":"Opens a GitHub issue for the incident, labelled with its id and severity; an issue already labelled with the id is reused rather than duplicated.","destructive":false,"reversible":true,"undo":"Closes the issue it opened, as not planned.","permissions":["issues:write"],"parameters":{"type":"object","additionalProperties":false,"properties":{"repository":{"type":"string","description":"owner/name; the repository irac runs in when absent.","pattern":"^[A-Za-z0-9-]{1,39}/[A-Za-z0-9._-]{1,100}$"},"title":{"type":"string","minLength":1,"maxLength":256,"default":"{{ \'[\' + string(incident.id) + \'] \' + severity + \': \' + (string(event.title).size() > 200 ? string(event.title).substring(0, 199) + \'…\' : string(event.title)) }}"},"labels":{"type":"array","maxItems":20,"uniqueItems":true,"items":{"type":"string","minLength":1,"maxLength":50},"default":"{{ [\'irac\', string(incident.id), \'severity:\' + severity] }}"},"assignees":{"type":"array","maxItems":10,"uniqueItems":true,"items":{"type":"string","pattern":"^[A-Za-z0-9-]{1,39}$"}}}}}');
;// CONCATENATED MODULE: ./lib/schemas/actions/jira/create_issue.json
const jira_create_issue_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"../../action.schema.json","name":"jira:create_issue","description":"Opens a Jira Cloud issue for the incident (REST API v3), labelled with its id; an issue already carrying the label is reused rather than duplicated.","destructive":false,"reversible":false,"undo":"Nothing is undone: tickets are closed by people, with a resolution.","permissions":["read:jira-work","write:jira-work"],"parameters":{"type":"object","additionalProperties":false,"properties":{"project":{"type":"string","description":"The project key (SEC).","pattern":"^[A-Z][A-Z0-9_]{1,9}$"},"issue_type":{"type":"string","minLength":1,"maxLength":60,"default":"Task"},"priority":{"type":"string","description":"A priority name of the Jira site (Highest, High, Medium...).","minLength":1,"maxLength":60},"summary":{"type":"string","minLength":1,"maxLength":255,"default":"{{ \'[\' + string(incident.id) + \'] \' + severity + \': \' + (string(event.title).size() > 200 ? string(event.title).substring(0, 199) + \'…\' : string(event.title)) }}"},"labels":{"type":"array","maxItems":20,"uniqueItems":true,"items":{"type":"string","pattern":"^[^\\\\s]{1,255}$"},"default":"{{ [\'irac\', string(incident.id)] }}"}},"required":["project"]}}');
;// CONCATENATED MODULE: ./lib/schemas/actions/slack/post_message.json
const post_message_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"../../action.schema.json","name":"slack:post_message","description":"Posts the incident to a Slack channel (Block Kit: severity, resource, score, playbook, links to the incident and the run); later messages about the incident go to the same thread. Text from events is escaped, so that nothing in it pings anyone.","destructive":false,"reversible":false,"undo":"Nothing is undone: a message once read cannot be unsent, and deleting it would erase part of the record.","permissions":["chat:write"],"parameters":{"type":"object","additionalProperties":false,"properties":{"channel":{"type":"string","description":"A channel name (#ir-critical) or id.","pattern":"^(#[a-z0-9][a-z0-9._-]{0,79}|[CGD][A-Z0-9]{8,})$"},"text":{"type":"string","description":"A line before the incident\'s summary.","minLength":1,"maxLength":3000},"thread":{"type":"boolean","description":"Reply in the incident\'s thread in this channel (see threads) when one exists.","default":true},"title":{"type":"string","description":"The incident\'s title, as triage recorded it (from the event: shown escaped, cut to Slack\'s limits).","default":"{{ string(event.title) }}"},"severity":{"type":"string","description":"The incident\'s severity.","enum":["low","medium","high","critical"],"default":"{{ severity }}"},"score":{"type":"number","description":"The triage score.","minimum":0,"maximum":1,"default":"{{ score }}"},"resources":{"type":"array","description":"The resources the incident names (from the event: shown escaped; the first ten).","maxItems":1000,"items":{"type":"string"},"default":"{{ event.resources.map(r, has(r.arn) ? string(r.arn) : string(r.id)) }}"},"playbook":{"type":["string","null"],"description":"The playbook triage routed the incident to."},"threads":{"type":"object","description":"The incident\'s threads: channel, as steps name it, to the ts of the thread\'s first message (the incident\'s notifications).","additionalProperties":{"type":"string","pattern":"^[0-9]{1,10}\\\\.[0-9]{6}$"}}},"required":["channel"]}}');
// EXTERNAL MODULE: ./lib/src/config/schema-problems.js
var schema_problems = __webpack_require__(84035);
// EXTERNAL MODULE: ./lib/src/errors.js
var errors = __webpack_require__(65071);
// EXTERNAL MODULE: ./lib/src/json.js
var json = __webpack_require__(38674);
// EXTERNAL MODULE: ./lib/src/validation.js + 1 modules
var validation = __webpack_require__(69839);
// EXTERNAL MODULE: ./lib/src/playbooks/templates.js
var templates = __webpack_require__(60458);
;// CONCATENATED MODULE: ./lib/src/playbooks/catalogue.js
// The catalogue of actions a playbook step may name: data in schemas/actions/<connector>/<name>.json,
// each checked against schemas/action.schema.json. What an action risks (destructive, reversible) and
// needs (permissions) is written once, here, and lint, the planner and `irac iam-policy` read it.
//
// The files are imported one by one rather than read from disk at run time, so that the bundled
// Action carries them (test/playbooks/catalogue.test.ts fails when a file is missing from this list).

























const SHIPPED_ACTIONS = [
    iam_revoke_role_sessions_namespaceObject,
    iam_deactivate_access_keys_namespaceObject,
    iam_deny_all_namespaceObject,
    ec2_snapshot_instance_namespaceObject,
    ec2_protect_instance_namespaceObject,
    autoscaling_standby_namespaceObject,
    ec2_isolate_instance_namespaceObject,
    ec2_replace_instance_profile_namespaceObject,
    ec2_disable_imds_namespaceObject,
    ec2_block_ip_namespaceObject,
    s3_block_public_access_namespaceObject,
    cloudtrail_lookup_events_namespaceObject,
    ec2_tag_resource_namespaceObject,
    post_message_namespaceObject,
    create_issue_namespaceObject,
    comment_namespaceObject,
    jira_create_issue_namespaceObject,
    revoke_session_namespaceObject,
    security_group_deny_all_namespaceObject,
    fetch_audit_logs_namespaceObject,
];
/** A step's timeout when neither the step nor its action says otherwise. */
const DEFAULT_TIMEOUT = '5m';
/** schemas/actions/<connector>/<name>.json: where an action is defined. */
function actionFile(name) {
    const colon = name.indexOf(':');
    return `schemas/actions/${name.slice(0, colon)}/${name.slice(colon + 1)}.json`;
}
function checked(definition, index) {
    const validate = (0,validation/* actionValidator */.PW)();
    if (validate(definition))
        return definition;
    const name = (0,json/* isJsonObject */.OW)(definition) && typeof definition.name === 'string' ? definition.name : undefined;
    const where = name ? actionFile(name) : `action #${index + 1}`;
    const problems = (validate.errors ?? []).flatMap((error) => (0,schema_problems/* schemaProblem */.Zg)(error, {}, 'the action') ?? []);
    throw new errors/* InputError */.dz(where, problems.map((p) => p.what).join('; ') || 'is not a valid action');
}
function specOf(definition, file) {
    // The schema's `else` branch makes these present for an action that is not an alias.
    const parameters = definition.parameters;
    const properties = (parameters.properties ?? {});
    const required = new Set((parameters.required ?? []));
    const defaults = {};
    for (const [key, schema] of Object.entries(properties)) {
        if (!('default' in schema))
            continue;
        if (required.has(key))
            throw new errors/* InputError */.dz(file, `parameter "${key}" is required and has a default`);
        const where = `${file}: parameters.properties.${key}.default`;
        defaults[key] = (0,templates/* compileValue */.hX)(schema.default, () => where, (_, error) => {
            throw error;
        });
    }
    return {
        description: definition.description,
        destructive: definition.destructive ?? false,
        reversible: definition.reversible ?? false,
        undo: definition.undo ?? '',
        permissions: definition.permissions ?? [],
        timeout: definition.timeout ?? DEFAULT_TIMEOUT,
        parameters,
        // A shipped definition (the very object imported above) has its validator compiled ahead of time.
        validate: (SHIPPED_ACTIONS.includes(definition) ? (0,validation/* shippedParametersValidator */.km)(definition.name) : undefined) ??
            (0,validation/* readableValidator */.tO)(parameters),
        defaults,
    };
}
/**
 * A catalogue of these definitions: each checked against the action schema, its parameters schema and
 * default templates compiled once. Throws an InputError naming the action's file at the first problem.
 */
function catalogueOf(definitions) {
    const byName = new Map();
    for (const [index, definition] of definitions.entries()) {
        const action = checked(definition, index);
        if (byName.has(action.name))
            throw new errors/* InputError */.dz(actionFile(action.name), 'is defined twice');
        byName.set(action.name, action);
    }
    const actions = new Map();
    for (const action of byName.values()) {
        if (action.alias_of !== undefined)
            continue;
        actions.set(action.name, {
            name: action.name,
            runs: action.name,
            ...specOf(action, actionFile(action.name)),
        });
    }
    const specs = new Map(actions);
    for (const action of byName.values()) {
        if (action.alias_of === undefined)
            continue;
        const target = actions.get(action.alias_of);
        if (!target) {
            throw new errors/* InputError */.dz(actionFile(action.name), `is an alias of "${action.alias_of}", which is not an action${byName.has(action.alias_of) ? ' but another alias' : ''}`);
        }
        specs.set(action.name, { ...target, name: action.name, description: action.description });
    }
    const names = [...specs.keys()].sort();
    return { get: (name) => specs.get(name), names };
}
let shipped;
/** The actions irac ships, checked once. */
function shippedCatalogue() {
    shipped ??= catalogueOf(SHIPPED_ACTIONS);
    return shipped;
}
//# sourceMappingURL=catalogue.js.map

/***/ }),

/***/ 9215:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  r: () => (/* binding */ MAX_FOR_EACH),
  F: () => (/* binding */ compilePlaybook)
});

// EXTERNAL MODULE: ./node_modules/@marcbachmann/cel-js/lib/index.js + 13 modules
var lib = __webpack_require__(47337);
// EXTERNAL MODULE: ./lib/src/config/config.js + 1 modules
var config = __webpack_require__(96435);
// EXTERNAL MODULE: ./lib/src/config/schema-problems.js
var schema_problems = __webpack_require__(84035);
// EXTERNAL MODULE: ./lib/src/errors.js
var errors = __webpack_require__(65071);
// EXTERNAL MODULE: ./lib/src/store/incident.js
var incident = __webpack_require__(81720);
// EXTERNAL MODULE: ./lib/src/triage/decide.js + 1 modules
var decide = __webpack_require__(95288);
// EXTERNAL MODULE: ./lib/src/triage/expressions.js
var expressions = __webpack_require__(79512);
// EXTERNAL MODULE: ./lib/src/playbooks/catalogue.js + 20 modules
var catalogue = __webpack_require__(50900);
// EXTERNAL MODULE: ./lib/src/json.js
var json = __webpack_require__(38674);
;// CONCATENATED MODULE: ./lib/src/playbooks/parameters.js
// Whether a step's parameters fit its action's schema, checked when the playbook is loaded. Written
// values are checked as they are. A template's value is only known per incident, so it is checked as
// far as CEL's type checker knows it: `{{ size(event.resources) }}` is an int, and an int is not a
// string; `{{ event.resources[0].id }}` is dyn, and passes; text around a template is a string whose
// pattern cannot be judged before it is rendered.


/** Stands for a template that did not compile: like `dyn`, it passes. */
const UNKNOWN = {
    source: '',
    where: '',
    whole: true,
    type: 'dyn',
    reads: new Set(),
    render: () => null,
};
/** A value of the template's CEL type, standing in for it during validation. */
function placeholder(template) {
    const { type } = template;
    if (type === 'int' || type === 'uint')
        return 0;
    if (type === 'double')
        return 0.5;
    if (type === 'bool')
        return false;
    if (type === 'null')
        return null;
    if (type.startsWith('list'))
        return [];
    if (type.startsWith('map'))
        return {};
    // string, and timestamps and durations, which render as text.
    return template.source;
}
function substituted(value, templates, path) {
    const template = templates.get(JSON.stringify(path));
    if (template)
        return placeholder(template);
    if (Array.isArray(value))
        return value.map((item, i) => substituted(item, templates, [...path, i]));
    if ((0,json/* isJsonObject */.OW)(value)) {
        const out = {};
        for (const [key, item] of Object.entries(value)) {
            Object.defineProperty(out, key, {
                value: substituted(item, templates, [...path, key]),
                enumerable: true,
                writable: true,
            });
        }
        return out;
    }
    return value;
}
function isPrefix(prefix, path) {
    return prefix.length <= path.length && prefix.every((segment, i) => segment === path[i]);
}
function instancePath(error) {
    if (error.instancePath === '')
        return [];
    return error.instancePath
        .slice(1)
        .split('/')
        .map((raw) => raw.replaceAll('~1', '/').replaceAll('~0', '~'))
        .map((segment) => (/^(0|[1-9][0-9]*)$/.test(segment) ? Number(segment) : segment));
}
/**
 * Every way the step's parameters do not fit `spec` (its schema), each at the place to fix.
 * `stepPath` locates the step itself, for a parameter it lacks; `subjectOf` names a path in messages.
 */
function parameterProblems(spec, stepId, parameters, stepPath, subjectOf) {
    const templates = new Map();
    const probe = {};
    for (const [name, { value }] of Object.entries(parameters)) {
        for (const { path, template } of value.templates)
            templates.set(JSON.stringify([name, ...path]), template);
        // A template that did not compile has been reported; what it would give is anyone's guess.
        for (const path of value.broken)
            templates.set(JSON.stringify([name, ...path]), UNKNOWN);
        probe[name] = substituted(value.written, templates, [name]);
    }
    if (spec.validate(probe))
        return [];
    const known = Object.keys((spec.parameters.properties ?? {}));
    const problems = [];
    for (const error of spec.validate.errors ?? []) {
        const path = instancePath(error);
        const [name, ...inner] = path;
        const params = error.params;
        if (name === undefined) {
            if (error.keyword === 'additionalProperties') {
                const key = String(params.additionalProperty);
                const where = parameters[key]?.path ?? [...stepPath, key];
                const guess = (0,schema_problems/* closestOf */.P9)(key, known);
                problems.push({
                    path: where.slice(0, -1),
                    key,
                    what: `step "${stepId}": ${spec.name} has no parameter "${key}"${guess ? ` (did you mean "${guess}"?)` : ` (it takes ${known.map((k) => `"${k}"`).join(', ') || 'none'})`}`,
                });
            }
            else if (error.keyword === 'required') {
                problems.push({
                    path: stepPath,
                    what: `step "${stepId}" lacks parameter "${String(params.missingProperty)}", which ${spec.name} requires`,
                });
            }
            continue;
        }
        const written = parameters[String(name)];
        if (!written)
            continue;
        const docPath = [...written.path, ...inner];
        const subject = subjectOf(docPath);
        // A template decides what is at and below its path: only a type its checker knows is judged.
        const covering = [...templates].find(([key]) => isPrefix(JSON.parse(key), path));
        if (covering) {
            const [key, template] = covering;
            const exact = JSON.parse(key).length === path.length;
            if (!exact || error.keyword !== 'type' || template.type === 'dyn')
                continue;
            const article = /^[aeiou]/.test(template.type) ? 'an' : 'a';
            const gives = template.whole ? `gives ${article} ${template.type}` : 'gives text';
            problems.push({
                path: docPath,
                what: `${subject} must be ${(0,schema_problems/* expectedType */.nz)(params.type)}, but ${JSON.stringify(template.source)} ${gives}`,
            });
            continue;
        }
        const problem = (0,schema_problems/* schemaProblem */.Zg)(error, {});
        if (!problem)
            continue;
        const rest = problem.what.slice((0,schema_problems/* subjectOf */.et)(problem.path).length);
        problems.push(problem.key === undefined
            ? { path: docPath, what: `${subject}${rest}` }
            : { path: docPath, key: problem.key, what: `${subject}${rest}` });
    }
    return problems;
}
//# sourceMappingURL=parameters.js.map
// EXTERNAL MODULE: ./lib/src/playbooks/problems.js
var playbooks_problems = __webpack_require__(61045);
// EXTERNAL MODULE: ./lib/src/playbooks/templates.js
var templates = __webpack_require__(60458);
;// CONCATENATED MODULE: ./lib/src/playbooks/compile.js
// One playbook definition, already shaped as the schema says, checked for everything a schema cannot
// see and compiled: conditions and templates, actions against the catalogue, parameters against each
// action's schema, approvals against what each action risks. Every problem is reported, each at the
// line to fix, so that `irac lint` can list them all.











/** The keys a step has; any other key is a parameter of its action. */
const STEP_KEYS = [
    'id',
    'action',
    'when',
    'with',
    'requires_approval',
    'dry_run_supported',
    'timeout',
    'retries',
    'on_failure',
    'for_each',
    'canary',
];
/** Most targets one for_each step may act on: more is a fleet operation, not an incident's containment. */
const MAX_FOR_EACH = 100;
/** How a pre-authorized scope holds for the incident as a whole: every asset known, none production. */
const SCOPE_EXAMPLE = "asset.all_known && size(asset.environments) > 0 && asset.environments.all(e, e in ['dev', 'staging'])";
const DEFAULT_PRIORITY = 100;
const DEFAULT_ENVIRONMENT = 'ir-containment';
/** Whether a condition reads anything of the incident, or would give the same answer for every one. */
function readsIncident(source) {
    return [...(0,expressions/* variablesOf */.ht)((0,lib/* parse */.qg)(source).ast)].some((name) => name in expressions/* CONDITION_VARIABLES */.AJ);
}
const SEVERITIES = ['low', 'medium', 'high', 'critical'];
const SCORES = [0, 0.2, 0.5, 0.8, 1];
/**
 * What conditions see of an incident on resources no registry knows, with no threat intelligence and
 * no history, made by triage's own conditionContext: one per severity and score. A pre-authorized
 * scope must hold for none of them.
 */
function unknownAssetIncidents() {
    const time = '2026-01-01T00:00:00.000Z';
    return SEVERITIES.flatMap((severity) => SCORES.map((score) => {
        const event = {
            id: 'unknown-asset',
            timestamp: time,
            source: 'siem',
            severity,
            vendor: 'generic',
            kind: 'unknown',
            title: 'An incident on resources no registry knows',
            resource: '',
            resources: [],
            indicators: [],
            attack: { tactics: [], techniques: [] },
            fingerprint: 'unknown-asset',
            raw_sha256: '0'.repeat(64),
            raw_pointer: '',
            payload: {},
            context: {},
        };
        const context = (0,decide/* conditionContext */.FQ)({
            incident: (0,incident/* openIncident */.pF)('IR-20260101-aaaaaaaa', event, time),
            events: [event],
            enrichment: { asset: null, intel: { score: 0, hits: [] }, providers: [], degraded: [] },
            history: { fingerprints: [], resources: [], actors: [] },
            now: new Date(time),
        }, {
            score: { value: score, severity, factors: [] },
            history: {
                window: null,
                same_fingerprint: 0,
                same_resource: 0,
                same_actor: 0,
                incidents: 0,
                recent: [],
            },
        });
        return { severity, score, context };
    }));
}
let unknownAssets;
/**
 * The first incident on unknown assets a scope pre-authorizes, if any. A scope that fails on one does
 * not hold for it: at plan time, a failing scope pre-authorizes nothing either.
 */
function preauthorizesUnknown(scope) {
    unknownAssets ??= unknownAssetIncidents();
    return unknownAssets.find(({ context }) => {
        try {
            return scope.evaluate(context);
        }
        catch (error) {
            if (error instanceof expressions/* ConditionError */.iG)
                return false;
            throw error;
        }
    });
}
/**
 * Compiles one definition, reporting every problem. `environments` are the configuration's
 * orchestrator.approval_environments, the only ones a tier may name; undefined when the configuration
 * has problems of its own (reported by it) and they are not known.
 */
function compilePlaybook(definition, source, catalogue, environments) {
    const problems = [];
    const path = (rel) => [...source.base, ...rel];
    const locate = (rel, key) => source.yaml.locate(path(rel), key);
    const subject = (rel) => (0,schema_problems/* subjectOf */.et)(path(rel), 'the playbook');
    const error = (rel, what, key) => {
        problems.push((0,playbooks_problems/* problemAt */.l4)(locate(rel, key), what));
    };
    const condition = (rel, text) => {
        const at = locate(rel);
        try {
            return (0,expressions/* compileCondition */.vs)(text, at.where);
        }
        catch (caught) {
            if (!(caught instanceof errors/* InputError */.dz))
                throw caught;
            problems.push((0,playbooks_problems/* problemAt */.l4)(at, `${subject(rel)}: ${caught.what}`));
            return undefined;
        }
    };
    const trigger = condition(['trigger'], definition.trigger);
    const scope = definition.tier?.preauthorized_when;
    const preauthorizedWhen = scope === undefined ? undefined : condition(['tier', 'preauthorized_when'], scope);
    if (preauthorizedWhen && !readsIncident(scope)) {
        error(['tier', 'preauthorized_when'], `${subject(['tier', 'preauthorized_when'])} ${JSON.stringify(scope)} reads nothing of the incident: pre-authorization must be scoped, e.g. asset.all_known && size(asset.environments) > 0 && asset.environments.all(e, e in ['dev', 'staging'])`);
    }
    else if (preauthorizedWhen) {
        const unknown = preauthorizesUnknown(preauthorizedWhen);
        if (unknown) {
            error(['tier', 'preauthorized_when'], `${subject(['tier', 'preauthorized_when'])} ${JSON.stringify(scope)} holds for an incident whose assets no registry knows (severity ${unknown.severity}, score ${unknown.score}, no threat intelligence): it would contain what nobody has said is safe to contain without a reviewer; require known, non-production assets, e.g. ${SCOPE_EXAMPLE}`);
        }
    }
    const environment = definition.tier?.environment ?? DEFAULT_ENVIRONMENT;
    if (environments !== undefined && !environments.includes(environment)) {
        // GitHub creates an environment a job names on first use, with no protection rules: a misspelled
        // one would run every step "approved" by nobody.
        const guess = (0,schema_problems/* closestOf */.P9)(environment, environments);
        const listed = `orchestrator.approval_environments lists those with reviewers (${environments.join(', ')})`;
        if (definition.tier === undefined) {
            error(['id'], `playbook "${definition.id}" has no tier, so its approvals go to the GitHub Environment "${environment}", which is not an approval environment: set tier.environment; ${listed}`);
        }
        else {
            error(['tier', 'environment'], `${subject(['tier', 'environment'])} "${environment}" is not an approval environment${guess ? ` (did you mean "${guess}"?)` : ''}: GitHub would create it on first use without required reviewers; ${listed}`);
        }
    }
    if (definition.owner === undefined) {
        problems.push((0,playbooks_problems/* problemAt */.l4)(locate(['id']), `playbook "${definition.id}" has no owner: say who answers for it (owner: a team, an e-mail address or @org/team)`, 'warning'));
    }
    const steps = [];
    const stepLines = new Map();
    for (const [index, step] of definition.steps.entries()) {
        const rel = ['steps', index];
        const first = stepLines.get(step.id);
        if (first === undefined)
            stepLines.set(step.id, locate([...rel, 'id']).line);
        else
            error([...rel, 'id'], `duplicate step id "${step.id}" in playbook "${definition.id}" (first at line ${first})`);
        const compiled = compileStep(step, rel, {
            catalogue,
            scoped: scope !== undefined,
            locate,
            subject,
            problems,
            condition,
        });
        if (compiled)
            steps.push(compiled);
    }
    const failed = problems.some((problem) => problem.severity === 'error');
    if (failed || !trigger)
        return { playbook: undefined, problems };
    const where = locate(['id']);
    return {
        playbook: {
            id: definition.id,
            ...(definition.description !== undefined && { description: definition.description }),
            ...(definition.version !== undefined && { version: definition.version }),
            ...(definition.owner !== undefined && { owner: definition.owner }),
            trigger,
            priority: definition.priority ?? DEFAULT_PRIORITY,
            tier: {
                environment,
                ...(preauthorizedWhen && { preauthorizedWhen }),
            },
            steps,
            file: where.file,
            where: where.where,
        },
        problems,
    };
}
function compileStep(step, rel, ctx) {
    const { locate, subject, problems } = ctx;
    const before = problems.length;
    const error = (at, what, key) => {
        problems.push((0,playbooks_problems/* problemAt */.l4)(locate(at, key), what));
    };
    const action = ctx.catalogue.get(step.action);
    if (!action) {
        const guess = (0,schema_problems/* closestOf */.P9)(step.action, ctx.catalogue.names);
        error([...rel, 'action'], `step "${step.id}" has unknown action "${step.action}"${guess ? ` (did you mean "${guess}"?)` : ''}`);
    }
    const takes = new Set(Object.keys((action?.parameters.properties ?? {})));
    // The seed's shape writes parameters inline; `with` is the explicit one. A key that is neither a
    // step key nor a parameter of the action, but close to a step key, is a typo of that key: a
    // misspelled requires_approval would otherwise pass for a parameter and run the step unapproved.
    const written = {};
    const add = (name, value, at) => {
        const compiled = (0,templates/* compileValue */.hX)(value, (inner) => locate([...at, ...inner]).where, (inner, caught) => {
            problems.push((0,playbooks_problems/* problemAt */.l4)(locate([...at, ...inner]), `${subject([...at, ...inner])}: ${caught.what}`));
        });
        written[name] = { value: compiled, path: at };
    };
    for (const [name, value] of Object.entries(step.with ?? {}))
        add(name, value, [...rel, 'with', name]);
    for (const [key, value] of Object.entries(step)) {
        if (STEP_KEYS.includes(key) || value === undefined)
            continue;
        const meant = takes.has(key)
            ? undefined
            : ((0,schema_problems/* closestOf */.P9)(key, STEP_KEYS) ?? (key.includes('approv') ? 'requires_approval' : undefined));
        if (meant !== undefined) {
            error(rel, `${subject(rel)} has unknown key "${key}" (did you mean "${meant}"?)`, key);
        }
        else if (written[key] !== undefined) {
            error(rel, `step "${step.id}" gives parameter "${key}" both inline and under "with"`, key);
        }
        else {
            add(key, value, [...rel, key]);
        }
    }
    if (action) {
        for (const problem of parameterProblems(action, step.id, written, rel, subject)) {
            problems.push((0,playbooks_problems/* problemAt */.l4)(locate(problem.path, problem.key), problem.what));
        }
    }
    const when = step.when === undefined ? undefined : ctx.condition([...rel, 'when'], step.when);
    const requiresApproval = step.requires_approval ?? false;
    const dryRunSupported = step.dry_run_supported ?? false;
    if (action?.destructive) {
        const does = `step "${step.id}" runs ${action.name}${action.runs !== action.name ? ` (${action.runs})` : ''}`;
        if (!requiresApproval && !action.reversible) {
            error([...rel, 'action'], `${does}, which is destructive and cannot be undone, without requires_approval: true — a pre-authorized tier does not cover what cannot be undone`);
        }
        else if (!requiresApproval && !ctx.scoped) {
            error([...rel, 'action'], `${does}, which is destructive, without requires_approval: true, and the playbook has no pre-authorized scope (tier.preauthorized_when)`);
        }
        if (dryRunSupported) {
            error([...rel, 'dry_run_supported'], `${does}, which is destructive: dry_run_supported: true would run it during a dry run`);
        }
    }
    const forEach = step.for_each === undefined ? undefined : targetsTemplate(step, rel, ctx);
    if (step.for_each === undefined) {
        for (const [name, { value, path }] of Object.entries(written)) {
            const reading = value.templates.find(({ template }) => template.reads.has('item'));
            if (reading) {
                error([...path, ...reading.path], `step "${step.id}": parameter "${name}" reads item, which only a step with for_each has`);
            }
        }
    }
    if (step.for_each !== undefined &&
        !Object.values(written).some(({ value }) => value.templates.some(({ template }) => template.reads.has('item')))) {
        error([...rel, 'for_each'], `step "${step.id}" has for_each, but none of its parameters reads item: every target would get the same parameters (write e.g. instance_id: "{{ item }}")`);
    }
    const canary = step.canary === undefined ? undefined : canaryOf(step, rel, ctx);
    if (step.timeout !== undefined && (0,config/* durationMs */.pc)(step.timeout) === 0) {
        error([...rel, 'timeout'], `step "${step.id}" has a timeout of ${step.timeout}: it could never finish`);
    }
    if (!action || problems.slice(before).some((p) => p.severity === 'error'))
        return undefined;
    const timeout = step.timeout ?? action.timeout ?? catalogue/* DEFAULT_TIMEOUT */.cS;
    return {
        id: step.id,
        action,
        ...(when && { when }),
        parameters: Object.fromEntries(Object.entries(written).map(([name, { value }]) => [name, value])),
        requiresApproval,
        dryRunSupported,
        timeout,
        timeoutMs: (0,config/* durationMs */.pc)(timeout),
        retries: step.retries ?? 0,
        onFailure: step.on_failure ?? 'stop',
        ...(forEach && { forEach }),
        ...(canary && { canary }),
        where: locate(rel).where,
    };
}
/** A for_each: one whole `{{ }}` over the incident, giving a list (it cannot read the item it makes). */
function targetsTemplate(step, rel, ctx) {
    const at = [...rel, 'for_each'];
    const report = (what) => ctx.problems.push((0,playbooks_problems/* problemAt */.l4)(ctx.locate(at), `${ctx.subject(at)}: ${what}`));
    let template;
    try {
        template = (0,templates/* compileTemplate */.Gq)(step.for_each ?? '', ctx.locate(at).where);
    }
    catch (caught) {
        if (!(caught instanceof errors/* InputError */.dz))
            throw caught;
        report(caught.what);
        return undefined;
    }
    if (!template?.whole) {
        report(`must be one "{{ expr }}" giving a list (of instance ids, user names…), e.g. "{{ event.resources.filter(r, r.type == 'aws.ec2.instance').map(r, r.id) }}"`);
        return undefined;
    }
    if (template.reads.has('item')) {
        report('reads item, which it is what defines');
        return undefined;
    }
    if (template.type !== 'dyn' && !template.type.startsWith('list')) {
        report(`gives a ${template.type}, not a list`);
        return undefined;
    }
    return template;
}
function canaryOf(step, rel, ctx) {
    const at = [...rel, 'canary'];
    const canary = step.canary;
    if (canary === undefined)
        return undefined;
    if (step.for_each === undefined) {
        ctx.problems.push((0,playbooks_problems/* problemAt */.l4)(ctx.locate(rel, 'canary'), `step "${step.id}" has a canary but no for_each: a canary holds back some of a step's targets, and this step has one`));
        return undefined;
    }
    let verify;
    if (canary.verify !== undefined) {
        const where = ctx.locate([...at, 'verify']);
        try {
            verify = (0,expressions/* compileCondition */.vs)(canary.verify, where.where, (0,expressions/* canaryConditions */.LA)());
        }
        catch (caught) {
            if (!(caught instanceof errors/* InputError */.dz))
                throw caught;
            ctx.problems.push((0,playbooks_problems/* problemAt */.l4)(where, `${ctx.subject([...at, 'verify'])}: ${caught.what} (a canary check sees only canary: targets, size, of)`));
            return undefined;
        }
    }
    const wait = canary.wait ?? '0s';
    return { percent: canary.percent, wait, waitMs: (0,config/* durationMs */.pc)(wait), ...(verify && { verify }) };
}
//# sourceMappingURL=compile.js.map

/***/ }),

/***/ 61045:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Wj: () => (/* binding */ fileProblem),
/* harmony export */   im: () => (/* binding */ compareProblems),
/* harmony export */   l4: () => (/* binding */ problemAt)
/* harmony export */ });
/* unused harmony export formatProblem */
// What `irac lint` reports and what loading refuses: a problem at a place in a file. Errors stop a
// load (the first one becomes the InputError); warnings are for the reviewer.
function problemAt(at, message, severity = 'error') {
    return { file: at.file, line: at.line, col: at.col, severity, message };
}
/** A problem with a whole file (unreadable, not UTF-8): reported at its first line. */
function fileProblem(file, message) {
    return { file, line: 1, col: 1, severity: 'error', message };
}
/** `playbooks/x.yaml:14:9: error: step "isolate" has unknown action "cloud:isolate"` */
function formatProblem(problem) {
    return `${problem.file}:${problem.line}:${problem.col}: ${problem.severity}: ${problem.message}`;
}
/** By file, then by position in it, as a reader goes through them. */
function compareProblems(a, b) {
    if (a.file !== b.file)
        return a.file < b.file ? -1 : 1;
    return a.line - b.line || a.col - b.col || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}
//# sourceMappingURL=problems.js.map

/***/ }),

/***/ 60458:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $w: () => (/* binding */ TemplateError),
/* harmony export */   Gq: () => (/* binding */ compileTemplate),
/* harmony export */   hX: () => (/* binding */ compileValue)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(65071);
/* harmony import */ var _triage_expressions_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(79512);
// Step parameters that come from the incident: `instance_id: "{{ event.resources[0].id }}"`. The
// expression between `{{` and `}}` is CEL over the same variables as triggers, type-checked when the
// playbook is loaded, so `irac lint` catches a misspelled variable at review time.
//
// A string that is exactly one `{{ expr }}` gives the expression's value, of whatever type (a list of
// tags, a number); text around `{{ expr }}` gives text. `${{ … }}` is refused: it is GitHub Actions'
// syntax, which the runner would expand (from untrusted event data) before irac ever saw it.


// Templates are conditions that give a value: the same variables, the same limits, and `item`, which only
// a for_each step's parameters may read (compile.ts refuses it elsewhere).
let environment;
function templates() {
    environment ??= (0,_triage_expressions_js__WEBPACK_IMPORTED_MODULE_1__/* .conditions */ .jA)().clone().registerVariable('item', 'dyn');
    return environment;
}
/** A template that failed while rendering (a key the incident lacks, an index out of range). */
class TemplateError extends Error {
    where;
    source;
    reason;
    name = 'TemplateError';
    constructor(where, source, reason) {
        super(`${where}: ${JSON.stringify(source)}: ${reason}`);
        this.where = where;
        this.source = source;
        this.reason = reason;
    }
}
/**
 * Where the expression opened at `start` (just after `{{`) ends: the `}}` outside string literals and
 * map literals, so that `{{ {'a': {'b': 1}} }}` and `{{ '}}' }}` read as one might hope.
 */
function closingOf(text, start) {
    let depth = 0;
    let quote;
    for (let i = start; i < text.length; i++) {
        const c = text[i];
        if (quote !== undefined) {
            if (c === '\\')
                i++;
            else if (text.startsWith(quote, i)) {
                i += quote.length - 1;
                quote = undefined;
            }
        }
        else if (c === '"' || c === "'") {
            quote = text.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
            i += quote.length - 1;
        }
        else if (c === '{')
            depth++;
        else if (c === '}') {
            if (depth === 0 && text[i + 1] === '}')
                return i;
            depth = Math.max(0, depth - 1);
        }
    }
    return -1;
}
function compileExpression(expression, source, where) {
    const fail = (reason) => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(where, `template ${JSON.stringify(source)}: ${reason}`);
    };
    if (expression.trim() === '')
        fail('{{ }} holds no expression');
    let checked;
    try {
        checked = templates().check(expression);
    }
    catch (error) {
        return fail((0,_triage_expressions_js__WEBPACK_IMPORTED_MODULE_1__/* .firstLine */ .TM)(error));
    }
    if (!checked.valid) {
        fail((0,_triage_expressions_js__WEBPACK_IMPORTED_MODULE_1__/* .hint */ .aK)((0,_triage_expressions_js__WEBPACK_IMPORTED_MODULE_1__/* .firstLine */ .TM)(checked.error)));
    }
    const type = checked.type ?? 'dyn';
    if (type === 'bytes')
        fail('gives bytes, which no parameter takes');
    const program = templates().parse(expression);
    const refused = (0,_triage_expressions_js__WEBPACK_IMPORTED_MODULE_1__/* .patternProblem */ .AL)(program.ast, expression);
    if (refused)
        fail(refused);
    return { type, program: program, reads: (0,_triage_expressions_js__WEBPACK_IMPORTED_MODULE_1__/* .variablesOf */ .ht)(program.ast) };
}
/**
 * Compiles the `{{ … }}` in `text`, written at `where`; undefined when it holds none (a plain string).
 * Throws an InputError for an expression that does not parse or type-check, and for `${{`.
 */
function compileTemplate(text, where) {
    if (text.includes('${{')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(where, `${JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text)} uses \${{ }}, which GitHub Actions would expand before irac reads it; write {{ }}`);
    }
    const pieces = [];
    const reads = new Set();
    let type = 'string';
    let at = 0;
    for (let open = text.indexOf('{{'); open !== -1; open = text.indexOf('{{', at)) {
        const close = closingOf(text, open + 2);
        if (close === -1)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(where, `template ${JSON.stringify(text)}: "{{" without its "}}"`);
        if (open > at)
            pieces.push(text.slice(at, open));
        const expression = text.slice(open + 2, close);
        const compiled = compileExpression(expression, text, where);
        pieces.push({ expression, program: compiled.program });
        for (const name of compiled.reads)
            reads.add(name);
        type = compiled.type;
        at = close + 2;
    }
    if (pieces.length === 0)
        return undefined;
    if (at < text.length)
        pieces.push(text.slice(at));
    const [only] = pieces;
    const whole = pieces.length === 1 && typeof only === 'object';
    const run = (piece, context) => {
        let value;
        try {
            value = piece.program(context);
        }
        catch (error) {
            throw new TemplateError(where, text, (0,_triage_expressions_js__WEBPACK_IMPORTED_MODULE_1__/* .firstLine */ .TM)(error));
        }
        return toParameterValue(value, (reason) => new TemplateError(where, text, reason));
    };
    return {
        source: text,
        where,
        whole,
        type: whole ? type : 'string',
        reads,
        render(context) {
            if (whole)
                return run(only, context);
            return pieces
                .map((piece) => (typeof piece === 'string' ? piece : asText(run(piece, context))))
                .join('');
        },
    };
}
/** How a value reads inside text: strings as they are, lists and maps as JSON, null as nothing. */
function asText(value) {
    if (value === null)
        return '';
    if (typeof value === 'string')
        return value;
    if (typeof value === 'object')
        return JSON.stringify(value);
    return String(value);
}
/** A CEL value as a parameter: JSON, with CEL's integers, timestamps and durations made plain. */
function toParameterValue(value, fail) {
    if (value === null || typeof value === 'string' || typeof value === 'boolean')
        return value;
    if (typeof value === 'number') {
        if (!Number.isFinite(value))
            throw fail(`gave ${value}, which is not a number JSON can hold`);
        return value;
    }
    if (typeof value === 'bigint') {
        if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER))
            throw fail(`gave ${value}, too large to pass on exactly`);
        return Number(value);
    }
    if (Array.isArray(value))
        return value.map((item) => toParameterValue(item, fail));
    if (value instanceof Date)
        return value.toISOString();
    if (value instanceof Uint8Array)
        throw fail('gave bytes, which no parameter takes');
    if (typeof value === 'object') {
        const kind = Object.getPrototypeOf(value)?.constructor?.name;
        if (kind === 'UnsignedInt')
            return toParameterValue(value.valueOf(), fail);
        if (kind === 'Duration')
            return String(value);
        const out = {};
        const entries = value instanceof Map ? [...value.entries()] : Object.entries(value);
        for (const [key, item] of entries) {
            // Defined, not assigned: a key "__proto__" from the incident stays a key.
            Object.defineProperty(out, String(key), {
                value: toParameterValue(item, fail),
                enumerable: true,
                writable: true,
                configurable: true,
            });
        }
        return out;
    }
    throw fail(`gave a ${typeof value}, which no parameter takes`);
}
/**
 * Compiles every template in a parameter value (strings at any depth of its lists and mappings).
 * `whereOf` names where a part of it is written; each template that does not compile is passed to
 * `report` (and renders as written), so that a caller can list every problem, not just the first.
 */
function compileValue(written, whereOf, report) {
    const found = [];
    const broken = [];
    const compile = (value, path) => {
        if (typeof value === 'string') {
            let template;
            try {
                template = compileTemplate(value, whereOf(path));
            }
            catch (error) {
                if (!(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz))
                    throw error;
                broken.push(path);
                report(path, error);
            }
            if (template === undefined)
                return () => value;
            found.push({ path, template });
            const compiled = template;
            return (context) => compiled.render(context);
        }
        if (Array.isArray(value)) {
            const items = value.map((item, i) => compile(item, [...path, i]));
            return (context) => items.map((item) => item(context));
        }
        if (value !== null && typeof value === 'object') {
            const entries = Object.entries(value).map(([key, item]) => [key, compile(item, [...path, key])]);
            return (context) => {
                const out = {};
                for (const [key, item] of entries) {
                    Object.defineProperty(out, key, { value: item(context), enumerable: true, writable: true });
                }
                return out;
            };
        }
        return () => value;
    };
    const render = compile(written, []);
    return { written, templates: found, broken, render };
}
//# sourceMappingURL=templates.js.map

/***/ }),

/***/ 81720:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Rr: () => (/* binding */ serializeIncident),
/* harmony export */   TT: () => (/* binding */ higherSeverity),
/* harmony export */   W2: () => (/* binding */ addEvent),
/* harmony export */   pF: () => (/* binding */ openIncident),
/* harmony export */   w4: () => (/* binding */ parseIncident)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(65071);
/* harmony import */ var _validation_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(69839);
// incident.yaml: reading it back (validated against schemas/incident.schema.json) and writing it in a
// fixed key order, so that two runs that reach the same state write the same bytes.



const HEADER = '# Written by irac: every version is hashed into audit.jsonl, so a hand edit fails `irac verify`.\n';
function parseIncident(text, path) {
    let value;
    try {
        value = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(text, { uniqueKeys: true, maxAliasCount: 0 });
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(path, `is not valid YAML: ${error.message.split('\n')[0]}`);
    }
    const validate = (0,_validation_js__WEBPACK_IMPORTED_MODULE_2__/* .incidentValidator */ .$I)();
    if (!validate(value))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(path, `is not a valid incident: ${(0,_validation_js__WEBPACK_IMPORTED_MODULE_2__/* .describeErrors */ .rg)(validate.errors)}`);
    return value;
}
function serializeIncident(incident) {
    const ordered = {
        id: incident.id,
        title: incident.title,
        status: incident.status,
        severity: incident.severity,
        score: incident.score,
        playbook: incident.playbook,
        decision: incident.decision,
        fingerprint: incident.fingerprint,
        timestamps: {
            detected: incident.timestamps.detected,
            opened: incident.timestamps.opened,
            updated: incident.timestamps.updated,
            acknowledged: incident.timestamps.acknowledged,
            triaged: incident.timestamps.triaged,
            contained: incident.timestamps.contained,
            resolved: incident.timestamps.resolved,
        },
        events: incident.events,
        vendors: incident.vendors,
        kinds: incident.kinds,
        resources: incident.resources,
        actors: incident.actors,
        accounts: incident.accounts,
        approvals: incident.approvals,
        notifications: incident.notifications,
    };
    return HEADER + (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .stringify */ .As)(ordered, { lineWidth: 0, aliasDuplicateObjects: false });
}
const SEVERITY_RANK = { low: 0, medium: 1, high: 2, critical: 3 };
function higherSeverity(a, b) {
    return SEVERITY_RANK[b] > SEVERITY_RANK[a] ? b : a;
}
const LIST_LIMIT = 20;
function withDistinct(list, value) {
    if (value === undefined || list.includes(value) || list.length >= LIST_LIMIT)
        return [...list];
    return [...list, value];
}
function earlier(a, b) {
    return Date.parse(b) < Date.parse(a) ? b : a;
}
/** A new incident holding its first event. */
function openIncident(id, event, at) {
    return addEvent({
        id,
        title: event.title,
        status: 'open',
        severity: event.severity,
        score: null,
        playbook: null,
        decision: null,
        fingerprint: event.fingerprint,
        timestamps: {
            detected: event.timestamp,
            opened: at,
            updated: at,
            acknowledged: null,
            triaged: null,
            contained: null,
            resolved: null,
        },
        events: 0,
        vendors: [],
        kinds: [],
        resources: [],
        actors: [],
        accounts: [],
        approvals: [],
        notifications: {},
    }, event, at);
}
/** The incident with one more event: severity raised to the highest, summaries extended. */
function addEvent(incident, event, at) {
    return {
        ...incident,
        severity: higherSeverity(incident.severity, event.severity),
        timestamps: {
            ...incident.timestamps,
            detected: earlier(incident.timestamps.detected, event.timestamp),
            updated: at,
        },
        events: incident.events + 1,
        vendors: withDistinct(incident.vendors, event.vendor),
        kinds: withDistinct(incident.kinds, event.kind),
        resources: withDistinct(incident.resources, event.resource),
        actors: withDistinct(incident.actors, event.actor),
        accounts: withDistinct(incident.accounts, event.account),
    };
}
//# sourceMappingURL=incident.js.map

/***/ }),

/***/ 95288:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  nb: () => (/* binding */ compileRules),
  FQ: () => (/* binding */ conditionContext),
  LD: () => (/* binding */ decide)
});

// UNUSED EXPORTS: primaryEvent

// EXTERNAL MODULE: ./lib/src/config/config.js + 1 modules
var config = __webpack_require__(96435);
// EXTERNAL MODULE: ./lib/src/ingest/display.js
var display = __webpack_require__(6481);
// EXTERNAL MODULE: ./lib/src/triage/expressions.js
var expressions = __webpack_require__(79512);
;// CONCATENATED MODULE: ./lib/src/triage/score.js
// The seed's scoring, explainable: each factor's raw value, its normalized value in [0, 1], its weight
// and what it contributed; the score is their sum, and the first threshold it reaches names the
// severity. A reviewer can recompute every number in triage.json by hand.
/** How much each vendor severity counts, before its weight. */
const SEVERITY_VALUES = {
    low: 0.25,
    medium: 0.5,
    high: 0.75,
    critical: 1,
};
/** Scores are written with four decimals: the sum of rounded parts is what the file shows. */
const round = (value) => Math.round(value * 10_000) / 10_000;
const clamp = (value) => Math.min(1, Math.max(0, value));
function score(measures, scoring) {
    const { weights, thresholds } = scoring;
    const normalized = {
        severity: SEVERITY_VALUES[measures.severity.raw],
        asset_criticality: clamp(measures.asset_criticality.normalized),
        historical_frequency: clamp(measures.historical_frequency.raw / scoring.history_saturation),
        threat_score: clamp(measures.threat_score.normalized),
    };
    const names = ['severity', 'asset_criticality', 'historical_frequency', 'threat_score'];
    // Each contribution from the normalized value as written, so that the file recomputes by hand.
    const factors = names.map((name) => {
        const weight = weights[name];
        const shown = round(normalized[name]);
        return {
            name,
            raw: measures[name].raw,
            normalized: shown,
            weight,
            contribution: round(weight * shown),
            why: measures[name].why,
        };
    });
    const value = round(clamp(factors.reduce((sum, factor) => sum + factor.contribution, 0)));
    for (const severity of ['critical', 'high', 'medium']) {
        if (value >= thresholds[severity]) {
            return { value, severity, threshold: { severity, at: thresholds[severity] }, factors };
        }
    }
    return { value, severity: 'low', factors };
}
//# sourceMappingURL=score.js.map
;// CONCATENATED MODULE: ./lib/src/triage/decide.js
// The decision: from an incident, its events and what enrichment found, to a score, a severity and a
// route — or a suppression, or an aggregation — with every reason written down. Pure: the same inputs
// give the same decision, which is what lets `irac replay` backtest a playbook change.




function compileRules(settings, routes, origin) {
    const history = settings.triage.enrichment_sources.find((source) => source.type === 'history');
    const historyWindow = history ? (history.window ?? '30d') : undefined;
    const { max_incidents, window, max_severity } = settings.triage.aggregation;
    return {
        scoring: settings.triage.scoring,
        ...(historyWindow && { historyWindow: { text: historyWindow, ms: (0,config/* durationMs */.pc)(historyWindow) } }),
        suppressions: settings.triage.suppressions.map((rule, i) => ({
            rule,
            condition: (0,expressions/* compileCondition */.vs)(rule.when, `${origin}: triage.suppressions[${i}].when`),
            expiresMs: (0,config/* expiryMs */.yt)(rule.expires),
        })),
        aggregation: {
            maxIncidents: max_incidents,
            window,
            windowMs: (0,config/* durationMs */.pc)(window),
            maxSeverity: max_severity,
        },
        routes: [...routes].sort((a, b) => a.priority - b.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
        defaultPlaybook: settings.triage.default_playbook,
    };
}
const SEVERITY_ORDER = ['low', 'medium', 'high', 'critical'];
const RECENT_KEPT = 50;
const REASON_LENGTH = 300;
/** Reasons quote what failed, and a failing expression may quote the event: neutralized, bounded. */
const reasonText = (text) => (0,display/* displayText */.WV)(text, REASON_LENGTH) ?? 'unreadable reason';
/** The event conditions see as `event`: the most severe, earliest first; optional fields present as null. */
function primaryEvent(events) {
    let primary = events[0];
    if (!primary)
        throw new Error('an incident without events');
    for (const event of events) {
        if (SEVERITY_ORDER.indexOf(event.severity) > SEVERITY_ORDER.indexOf(primary.severity))
            primary = event;
    }
    return primary;
}
function withinWindow(history, incident, windowMs) {
    const opened = Date.parse(incident.timestamps.opened);
    const keep = (lines) => windowMs === undefined ? [] : lines.filter((line) => opened - line.openedMs <= windowMs);
    return {
        fingerprints: keep(history.fingerprints),
        resources: keep(history.resources),
        actors: keep(history.actors),
    };
}
function summarizeHistory(history, incident, rules) {
    const inWindow = withinWindow(history, incident, rules.historyWindow?.ms);
    const all = new Map();
    for (const line of [...inWindow.fingerprints, ...inWindow.resources, ...inWindow.actors]) {
        all.set(line.incident, line.openedMs);
    }
    return {
        window: rules.historyWindow?.text ?? null,
        same_fingerprint: inWindow.fingerprints.length,
        same_resource: new Set(inWindow.resources.map((line) => line.incident)).size,
        same_actor: new Set(inWindow.actors.map((line) => line.incident)).size,
        incidents: all.size,
        recent: [...all.entries()]
            .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? 1 : -1))
            .slice(0, 10)
            .map(([id]) => id),
    };
}
function measures(input, history, rules) {
    const eventSeverity = input.events.reduce((highest, event) => SEVERITY_ORDER.indexOf(event.severity) > SEVERITY_ORDER.indexOf(highest) ? event.severity : highest, 'low');
    const { asset, intel } = input.enrichment;
    const top = [...intel.hits].sort((a, b) => b.score - a.score)[0];
    return {
        severity: {
            raw: eventSeverity,
            why: `the highest severity among ${input.incident.events} event${input.incident.events === 1 ? '' : 's'}`,
        },
        asset_criticality: asset
            ? {
                raw: asset.id,
                normalized: asset.criticality,
                why: `${asset.matched.identifier} matches ${asset.matched.pattern} in ${asset.source}`,
            }
            : {
                raw: 'unknown',
                normalized: rules.scoring.unknown_asset_criticality,
                why: 'no asset registry knows the resources; unknown_asset_criticality applies',
            },
        historical_frequency: {
            raw: history.incidents,
            why: history.window === null
                ? 'no history source is configured'
                : `past incidents within ${history.window} sharing the fingerprint (${history.same_fingerprint}), a resource (${history.same_resource}) or an actor (${history.same_actor}); ${rules.scoring.history_saturation} or more count fully`,
        },
        threat_score: top
            ? {
                raw: `${top.type} ${top.value}`,
                normalized: intel.score,
                why: `listed by ${top.source}${top.detail ? ` (${top.detail})` : ''}${intel.hits.length > 1 ? `; ${intel.hits.length} matches in all` : ''}`,
            }
            : { raw: 'none', normalized: 0, why: 'no indicator is known to the threat intelligence sources' },
    };
}
/** The values conditions see. Keys that enrichment could not fill are present and null. */
function conditionContext(input, decision) {
    const event = primaryEvent(input.events);
    const { asset, intel, assets = asset ? [asset] : [], unknown_resources } = input.enrichment;
    // An asset without an environment is null here, so `environments.all(e, e in [...])` fails on it.
    const environments = [...new Set(assets.map((a) => a.environment ?? null))];
    return {
        event: { account: null, region: null, actor: null, ...event },
        incident: { ...input.incident },
        asset: {
            known: asset !== null,
            id: asset?.id ?? null,
            owner: asset?.owner ?? null,
            environment: asset?.environment ?? null,
            criticality: asset?.criticality ?? null,
            compliance: [...(asset?.compliance ?? [])],
            // Every resource the incident names is known to a registry: what a pre-authorized scope must
            // require, or one known dev instance in the event lets an unknown one be contained unreviewed.
            all_known: asset !== null && unknown_resources !== undefined && unknown_resources.length === 0,
            environments,
        },
        intel: {
            score: intel.score,
            matched: intel.hits.length > 0,
            hits: intel.hits.map((hit) => ({ ...hit })),
        },
        history: { ...decision.history, recent: [...decision.history.recent] },
        score: decision.score.value,
        severity: decision.score.severity,
    };
}
function evaluate(condition, context) {
    try {
        return { result: condition.evaluate(context) };
    }
    catch (error) {
        if (!(error instanceof expressions/* ConditionError */.iG))
            throw error;
        return { result: 'error', error: reasonText(error.message) };
    }
}
function decide(input, rules) {
    const history = summarizeHistory(input.history, input.incident, rules);
    const scored = score(measures(input, history, rules), rules.scoring);
    const context = conditionContext(input, { score: scored, history });
    const degraded = [...input.enrichment.degraded];
    const base = {
        incident: input.incident.id,
        decided_at: input.now.toISOString(),
        events: input.incident.events,
        severity: scored.severity,
        event_severity: scored.factors[0]?.raw,
        score: scored,
        enrichment: {
            asset: input.enrichment.asset,
            assets: input.enrichment.assets ?? (input.enrichment.asset ? [input.enrichment.asset] : []),
            unknown_resources: input.enrichment.unknown_resources ?? null,
            intel: input.enrichment.intel,
            history,
            providers: input.enrichment.providers,
        },
    };
    // Suppression first: a known benign pattern never reaches a playbook.
    for (const { rule, condition, expiresMs } of rules.suppressions) {
        if (input.now.getTime() >= expiresMs)
            continue;
        const outcome = evaluate(condition, context);
        if (outcome.result === 'error') {
            degraded.push(`suppression ${rule.id}: ${outcome.error}`);
            continue;
        }
        if (!outcome.result)
            continue;
        return {
            ...base,
            outcome: 'suppressed',
            playbook: null,
            route: {
                reason: `suppressed by rule ${rule.id} (${rule.owner}, until ${rule.expires}): ${rule.reason}`,
                evaluated: [],
            },
            suppression: { rule: rule.id, reason: rule.reason, owner: rule.owner, expires: rule.expires },
            aggregation: null,
            degraded,
        };
    }
    // Dynamic threshold: the same problem keeps coming back; record it, do not run the playbook again.
    const recent = withinWindow(input.history, input.incident, rules.aggregation.windowMs).fingerprints;
    const aggregable = SEVERITY_ORDER.indexOf(scored.severity) <= SEVERITY_ORDER.indexOf(rules.aggregation.maxSeverity);
    if (aggregable && recent.length >= rules.aggregation.maxIncidents) {
        const ids = [...recent]
            .sort((a, b) => b.openedMs - a.openedMs || (a.incident < b.incident ? 1 : -1))
            .slice(0, RECENT_KEPT)
            .map((line) => line.incident);
        return {
            ...base,
            outcome: 'aggregated',
            playbook: null,
            route: {
                reason: `aggregated: the fingerprint opened ${recent.length} incidents within ${rules.aggregation.window} before this one (max_incidents ${rules.aggregation.maxIncidents})`,
                evaluated: [],
            },
            suppression: null,
            aggregation: {
                window: rules.aggregation.window,
                max_incidents: rules.aggregation.maxIncidents,
                max_severity: rules.aggregation.maxSeverity,
                count: recent.length,
                recent_incidents: ids,
            },
            degraded,
        };
    }
    const evaluated = [];
    for (const route of rules.routes) {
        const outcome = evaluate(route.trigger, context);
        if (outcome.result === 'error') {
            evaluated.push({
                playbook: route.id,
                trigger: route.trigger.source,
                result: 'error',
                error: outcome.error,
            });
            degraded.push(`playbook ${route.id}: trigger ${outcome.error}`);
            // Not a reason to try the next playbook: that one may contain harder than this one would.
            // The incident waits at the default route, for a person, with the failure on record.
            const fallback = rules.defaultPlaybook;
            return {
                ...base,
                outcome: fallback === null ? 'unrouted' : 'routed',
                playbook: fallback,
                route: {
                    reason: `the trigger of ${route.id} could not be evaluated on this incident; ${fallback === null ? 'no default_playbook is configured' : `held at default_playbook ${fallback}`} rather than tried against the playbooks after it`,
                    evaluated,
                },
                suppression: null,
                aggregation: null,
                degraded,
            };
        }
        evaluated.push({ playbook: route.id, trigger: route.trigger.source, result: outcome.result });
        if (outcome.result) {
            return {
                ...base,
                outcome: 'routed',
                playbook: route.id,
                route: { reason: `trigger of ${route.id} holds: ${route.trigger.source}`, evaluated },
                suppression: null,
                aggregation: null,
                degraded,
            };
        }
    }
    const fallback = rules.defaultPlaybook;
    return {
        ...base,
        outcome: fallback === null ? 'unrouted' : 'routed',
        playbook: fallback,
        route: {
            reason: fallback === null
                ? 'no trigger matched and no default_playbook is configured'
                : `no trigger matched: default_playbook ${fallback}`,
            evaluated,
        },
        suppression: null,
        aggregation: null,
        degraded,
    };
}
//# sourceMappingURL=decide.js.map

/***/ })

};
