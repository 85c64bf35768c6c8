package org.democracyclub.ee.infra;
public class InfraMain { public static void main(String[] a) {} }
