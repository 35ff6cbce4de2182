export const id = 8469;
export const ids = [8469];
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
/* harmony export */   W2: () => (/* binding */ addEvent),
/* harmony export */   pF: () => (/* binding */ openIncident),
/* harmony export */   w4: () => (/* binding */ parseIncident)
/* harmony export */ });
/* unused harmony export higherSeverity */
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

/***/ })

};
