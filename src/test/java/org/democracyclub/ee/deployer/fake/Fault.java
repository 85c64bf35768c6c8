package org.democracyclub.ee.deployer.fake;

/** What the fake does to one request instead of (or after) answering it. */
public enum Fault {
    /** Answered normally. */
    NONE,
    /** 400 ThrottlingException / Throttling, before doing anything. */
    THROTTLE,
    /** 500, before doing anything. */
    ERROR_BEFORE,
    /** Carried out, then answered 500: the caller cannot know it worked. */
    ERROR_AFTER
}
