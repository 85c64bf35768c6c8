"""Logic of the EveryElection operations runbooks (docs/operations.md, docs/adr/0006).

SSM Automation runs these handlers in aws:executeScript steps (Python 3.11). Each handler
takes the step's InputPayload as `events` and returns the step's outputs. The AWS clients come
from `clients`, which the tests replace with stubs; nothing here runs at import time.
"""
import datetime
import shlex

APP_USER = "every_election"
APP_HOME = "/var/www/every_election/home"
CODE_DIR = "/var/www/every_election/code"
# The venv's bin/ first, then /usr/local/bin where manage-py-command lives.
APP_PATH = CODE_DIR + "/.venv/bin:/usr/local/bin:/usr/bin:/bin"
# Statuses of an automation execution that is still going (DescribeAutomationExecutions).
RUNNING = ["Pending", "InProgress", "Waiting", "Cancelling"]
# Deployment statuses during which the fleet must be left alone (ListDeployments).
DEPLOYING = ["Created", "Queued", "InProgress", "Ready"]
SCALING_POLICY = "ee-requests-per-target"
BUSY_PREFIX = "ee-busy-"


def clients(name):
    import boto3  # only in AWS; the tests pass their own clients
    return boto3.client(name)


# ---------------------------------------------------------------- the live fleet

def live_fleets(codedeploy, application, group):
    """The Auto Scaling groups the deployment group names: the fleet that serves now.

    A replacement fleet still being installed is not named here until its deployment succeeds,
    so its instances are never chosen."""
    info = codedeploy.get_deployment_group(
        applicationName=application, deploymentGroupName=group)["deploymentGroupInfo"]
    return sorted(g["name"] for g in info.get("autoScalingGroups", []))


def healthy_instances(autoscaling, fleets):
    """InService and Healthy instances of `fleets`, sorted by ID."""
    if not fleets:
        return []
    groups = autoscaling.describe_auto_scaling_groups(AutoScalingGroupNames=fleets)["AutoScalingGroups"]
    found = []
    for group in groups:
        if group["AutoScalingGroupName"] not in fleets:
            continue
        for instance in group.get("Instances", []):
            if instance.get("LifecycleState") == "InService" and instance.get("HealthStatus") == "Healthy":
                found.append(instance["InstanceId"])
    return sorted(found)


def online(ssm, instance_ids):
    """Those of `instance_ids` whose SSM agent is online (Run Command can reach them)."""
    if not instance_ids:
        return []
    answer = ssm.describe_instance_information(
        Filters=[{"Key": "InstanceIds", "Values": instance_ids}])["InstanceInformationList"]
    reachable = {i["InstanceId"] for i in answer if i.get("PingStatus") == "Online"}
    return [i for i in instance_ids if i in reachable]


# ---------------------------------------------------------------- jobs

def earlier_runs(ssm, document, job, own_id):
    """Executions of the same job that are still going and started before this one."""
    own = ssm.get_automation_execution(AutomationExecutionId=own_id)["AutomationExecution"]
    own_start = own.get("ExecutionStartTime")
    listed = ssm.describe_automation_executions(Filters=[
        {"Key": "DocumentNamePrefix", "Values": [document]},
        {"Key": "ExecutionStatus", "Values": RUNNING},
    ])["AutomationExecutionMetadataList"]
    earlier = []
    for run in listed:
        other_id = run["AutomationExecutionId"]
        if other_id == own_id or run.get("DocumentName") != document:
            continue
        other = ssm.get_automation_execution(AutomationExecutionId=other_id)["AutomationExecution"]
        if other.get("Parameters", {}).get("JobName") != [job]:
            continue
        start = other.get("ExecutionStartTime")
        # Two runs started in the same instant: the smaller ID goes first, the other steps aside.
        if own_start is None or start is None or (start, other_id) < (own_start, own_id):
            earlier.append(other_id)
    return sorted(earlier)


def command_line(command):
    """The shell line Run Command runs: the job as the app user, in the code directory, with the
    venv first on PATH; its exit status is the job's, and passwords that `set -x` prints are masked
    before the output reaches CloudWatch Logs."""
    as_app = "cd {code} && exec runuser -u {user} -- env HOME={home} PATH={path} bash -c {cmd}".format(
        code=CODE_DIR, user=APP_USER, home=APP_HOME, path=APP_PATH, cmd=shlex.quote(command))
    masked = as_app + " 2>&1 | sed -u -E 's/(PASSWORD=)[^[:space:]]*/\\1[masked]/g'"
    return "bash -o pipefail -c " + shlex.quote(masked)


def select_instance(events, context=None, client=clients):
    """Step selectInstance of ee-ops-run-job: refuses an overlapping run, then picks the first
    healthy, reachable instance of the live fleet."""
    job = events["JobName"]
    earlier = earlier_runs(client("ssm"), events["Document"], job, events["ExecutionId"])
    if earlier:
        raise RuntimeError("job {} is still running ({}); this run is skipped so that two runs never overlap"
                           .format(job, ", ".join(earlier)))
    fleets = live_fleets(client("codedeploy"), events["Application"], events["DeploymentGroup"])
    if not fleets:
        raise RuntimeError("deployment group {} names no Auto Scaling group; job {} did not run"
                           .format(events["DeploymentGroup"], job))
    candidates = online(client("ssm"), healthy_instances(client("autoscaling"), fleets))
    if not candidates:
        raise RuntimeError("no InService, Healthy instance with an online SSM agent in {} (powered off?);"
                           " job {} did not run".format(", ".join(fleets), job))
    return {"InstanceId": candidates[0], "Fleets": fleets, "CommandLine": command_line(events["Command"])}


# ---------------------------------------------------------------- capacity

def _deploying(codedeploy, events):
    return codedeploy.list_deployments(
        applicationName=events["Application"], deploymentGroupName=events["DeploymentGroup"],
        includeOnlyStatuses=DEPLOYING).get("deployments", [])


def _now(events):
    text = events.get("Now") or ""
    if text:
        return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    return datetime.datetime.now(datetime.timezone.utc)


def _window_min(windows, now):
    """The largest minSize of the busy windows open at `now`, or 0."""
    sizes = [w["minSize"] for w in windows if _parse(w["start"]) <= now < _parse(w["end"])]
    return max(sizes) if sizes else 0


def _parse(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


def power(events, context=None, client=clients):
    """PowerOff: every live fleet to min 0 / desired 0. PowerOn: back to the stack's capacity.
    Refuses while a deployment is under way, so the fleet being copied is never changed under it."""
    codedeploy = client("codedeploy")
    deploying = _deploying(codedeploy, events)
    if deploying:
        raise RuntimeError("deployment {} is under way; capacity left unchanged".format(", ".join(deploying)))
    fleets = live_fleets(codedeploy, events["Application"], events["DeploymentGroup"])
    autoscaling = client("autoscaling")
    if events["Action"] == "PowerOff":
        size = {"MinSize": 0, "DesiredCapacity": 0}
    else:
        floor = _window_min(events.get("BusyWindows", []), _now(events))
        size = {"MinSize": max(int(events["MinSize"]), floor),
                "DesiredCapacity": max(int(events["DesiredCapacity"]), floor)}
    for fleet in fleets:
        autoscaling.update_auto_scaling_group(AutoScalingGroupName=fleet, **size)
    return {"Fleets": fleets, "MinSize": size["MinSize"], "DesiredCapacity": size["DesiredCapacity"]}


def apply_scaling(events, context=None, client=clients):
    """What CodeDeploy may not carry into a copied fleet, put on every live fleet: the target
    tracking policy and the busy windows' scheduled actions. Idempotent, so it runs after each
    successful deployment and hourly."""
    fleets = live_fleets(client("codedeploy"), events["Application"], events["DeploymentGroup"])
    autoscaling = client("autoscaling")
    now = _now(events)
    target = int(events["RequestsPerTarget"])
    normal_min = int(events["MinSize"])
    windows = [w for w in events.get("BusyWindows", []) if _parse(w["end"]) > now]
    applied = []
    for fleet in fleets:
        if target > 0:
            autoscaling.put_scaling_policy(
                AutoScalingGroupName=fleet, PolicyName=SCALING_POLICY, PolicyType="TargetTrackingScaling",
                TargetTrackingConfiguration={
                    "PredefinedMetricSpecification": {
                        "PredefinedMetricType": "ALBRequestCountPerTarget",
                        "ResourceLabel": events["ResourceLabel"]},
                    "TargetValue": float(target)})
        else:
            existing = autoscaling.describe_policies(
                AutoScalingGroupName=fleet, PolicyNames=[SCALING_POLICY]).get("ScalingPolicies", [])
            if existing:
                autoscaling.delete_policy(AutoScalingGroupName=fleet, PolicyName=SCALING_POLICY)
        wanted = {}
        for index, window in enumerate(sorted(windows, key=lambda w: w["start"])):
            if _parse(window["start"]) > now:
                wanted["{}{}-start".format(BUSY_PREFIX, index)] = (window["start"], window["minSize"])
            wanted["{}{}-end".format(BUSY_PREFIX, index)] = (window["end"], normal_min)
        present = autoscaling.describe_scheduled_actions(AutoScalingGroupName=fleet).get("ScheduledUpdateGroupActions", [])
        for action in present:
            name = action["ScheduledActionName"]
            if name.startswith(BUSY_PREFIX) and name not in wanted:
                autoscaling.delete_scheduled_action(AutoScalingGroupName=fleet, ScheduledActionName=name)
        for name in sorted(wanted):
            when, size = wanted[name]
            autoscaling.put_scheduled_update_group_action(
                AutoScalingGroupName=fleet, ScheduledActionName=name, StartTime=when, MinSize=size)
        # A window already open when the fleet was created: its start action is past, apply it now.
        floor = _window_min(windows, now)
        if floor > 0:
            autoscaling.update_auto_scaling_group(AutoScalingGroupName=fleet, MinSize=floor)
        applied.append(fleet)
    return {"Fleets": applied, "ScheduledActions": len(windows)}
