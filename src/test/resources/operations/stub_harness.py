"""Runs one handler of ops_runbook.py against stub AWS clients described by a JSON scenario.

stdin: {"handler": NAME, "events": {...}, "world": {...}}; stdout: {"result", "error", "calls"}.
The stubs answer only what the world says and record every call, so the Java test can check
both what a handler returned and what it asked AWS to do.
"""
import json
import os
import subprocess
import sys

import ops_runbook

scenario = json.load(sys.stdin)
world = scenario.get("world", {})
calls = []


class Stub:
    def __init__(self, service):
        self.service = service

    def __getattr__(self, operation):
        def call(**kwargs):
            calls.append({"service": self.service, "operation": operation, "args": kwargs})
            return getattr(self, "_" + operation)(**kwargs)
        return call

    # codedeploy
    def _get_deployment_group(self, applicationName, deploymentGroupName):
        return {"deploymentGroupInfo": {"autoScalingGroups": [{"name": n} for n in world.get("deploymentGroupFleets", [])]}}

    def _list_deployments(self, **kwargs):
        return {"deployments": world.get("deploymentsInProgress", [])}

    # autoscaling: answers with EVERY group of the world, so the handler's own filter is tested
    def _describe_auto_scaling_groups(self, AutoScalingGroupNames):
        return {"AutoScalingGroups": [
            {"AutoScalingGroupName": name, "Instances": instances}
            for name, instances in sorted(world.get("groups", {}).items())]}

    def _describe_scheduled_actions(self, AutoScalingGroupName):
        return {"ScheduledUpdateGroupActions": [{"ScheduledActionName": n} for n in world.get("scheduledActions", [])]}

    def _describe_policies(self, **kwargs):
        return {"ScalingPolicies": [{"PolicyName": n} for n in world.get("policies", [])]}

    def _update_auto_scaling_group(self, **kwargs):
        return {}

    _put_scaling_policy = _update_auto_scaling_group
    _delete_policy = _update_auto_scaling_group
    _put_scheduled_update_group_action = _update_auto_scaling_group
    _delete_scheduled_action = _update_auto_scaling_group

    # ssm
    def _describe_instance_information(self, Filters):
        wanted = Filters[0]["Values"]
        offline = set(world.get("offline", []))
        return {"InstanceInformationList": [
            {"InstanceId": i, "PingStatus": "ConnectionLost" if i in offline else "Online"} for i in wanted]}

    def _describe_automation_executions(self, Filters):
        return {"AutomationExecutionMetadataList": [
            {"AutomationExecutionId": e["id"], "DocumentName": e["document"]}
            for e in world.get("executions", []) if e["status"] in ops_runbook.RUNNING]}

    def _get_automation_execution(self, AutomationExecutionId):
        for e in world.get("executions", []):
            if e["id"] == AutomationExecutionId:
                return {"AutomationExecution": {"ExecutionStartTime": e["start"],
                                                "Parameters": {"JobName": [e["job"]]}}}
        raise KeyError(AutomationExecutionId)


def run_line(events):
    """Runs command_line() for real with bash, the code directory moved to a temp dir and a
    stand-in for runuser (drops `-u USER --`), so exit status and masking are observed."""
    ops_runbook.CODE_DIR = events["codeDir"]
    ops_runbook.APP_HOME = events["codeDir"]
    ops_runbook.APP_PATH = events["path"]
    line = ops_runbook.command_line(events["Command"])
    done = subprocess.run(["bash", "-c", line], capture_output=True, text=True,
                          env={"PATH": events["path"]}, timeout=60)
    return {"line": line, "exit": done.returncode, "output": done.stdout + done.stderr}


handler = scenario["handler"]
try:
    if handler == "run_line":
        result = run_line(scenario["events"])
    elif handler == "command_line":
        result = ops_runbook.command_line(scenario["events"]["Command"])
    else:
        result = getattr(ops_runbook, handler)(scenario["events"], None, client=Stub)
    print(json.dumps({"result": result, "error": None, "calls": calls}))
except Exception as e:  # the handler's failure is what the test checks
    print(json.dumps({"result": None, "error": "{}: {}".format(type(e).__name__, e), "calls": calls}))
