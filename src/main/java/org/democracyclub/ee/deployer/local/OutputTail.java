package org.democracyclub.ee.deployer.local;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The last lines a script printed, kept for the failure report (like the agent's last 4 KB). */
final class OutputTail {
    private final int capacity;
    private final Deque<String> lines = new ArrayDeque<>();

    OutputTail(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(String line) {
        if (lines.size() == capacity) {
            lines.removeFirst();
        }
        lines.addLast(line);
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }
}
