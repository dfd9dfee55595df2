package dev.claimcheck.core.serving;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One prepared request of a load point: the whole HTTP request as bytes (built before the point starts, so the
 * loop only copies), and what the record needs to know about it.
 *
 * @param taskId the sample's task id ({@code p<point>-<n>})
 * @param promptSha256 hash of the messages (the simulator keys its token trace on it)
 * @param request the body sent, minus messages
 * @param http request line, headers and body
 * @param warmup sent during warm-up
 * @param dueNanos open loop: when it is due, relative to the point's start; closed loop: 0 (sent when a slot frees)
 */
record BenchRequest(String taskId, String promptSha256, ObjectNode request, byte[] http, boolean warmup, long dueNanos) {
}
