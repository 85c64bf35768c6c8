package org.democracyclub.ee.deployer.outputs;

/** The environment's fleet size, used to wake a fleet that was scaled to zero. */
public record FleetCapacity(int minSize, int desiredCapacity, int maxSize) {
    @Override
    public String toString() {
        return "min " + minSize + ", desired " + desiredCapacity + ", max " + maxSize;
    }
}
