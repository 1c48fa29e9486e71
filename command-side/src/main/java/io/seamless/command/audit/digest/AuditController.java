package io.seamless.command.audit.digest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seamless.command.ConditionalOnCommandRole;
import io.seamless.domain.cluster.Cluster;
import io.seamless.domain.servicegroup.ServiceGroupCommands;
import io.seamless.security.RequiresRole;
import io.seamless.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Tamper evidence for auditors: the digest signing key, a digest on demand, and verification of one history. */
@RestController
@ConditionalOnCommandRole
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit")
@RequiresRole(Role.AUDITOR)
class AuditController {

    private final SigningKeys keys;
    private final DigestWriter writer;
    private final ChainVerifier verifier;
    private final AuditExport export;

    AuditController(SigningKeys keys, DigestWriter writer, ChainVerifier verifier, AuditExport export) {
        this.keys = keys;
        this.writer = writer;
        this.verifier = verifier;
        this.export = export;
    }

    @GetMapping(path = "/public-key", produces = "application/x-pem-file")
    @Operation(summary = "The Ed25519 public key every digest is signed with (X.509, PEM)")
    String publicKey() {
        return keys.publicKeyPem();
    }

    @PostMapping(path = "/digests", produces = "application/json")
    @Operation(summary = "Sign a digest of every chain that moved since the last one, now, and publish it",
            description = "201 with the digest; 204 when no event was recorded since the last digest.")
    ResponseEntity<AuditDigest> digestNow() throws Exception {
        ResponseEntity<AuditDigest> answer = writer.writeDigest().map(digest -> ResponseEntity
                .status(HttpStatus.CREATED).body(digest)).orElseGet(() -> ResponseEntity.noContent().build());
        writer.publishPending();
        return answer;
    }

    @GetMapping(path = "/verify", produces = "application/json")
    @Operation(summary = "Verify one history: every event's hash and link, and the newest signed digest covering it",
            description = "Name exactly one of serviceGroup, ipPool, cluster.")
    VerificationReport verify(@RequestParam(required = false) String serviceGroup,
                              @RequestParam(required = false) String ipPool,
                              @RequestParam(required = false) String cluster) {
        String aggregateId = aggregateId(serviceGroup, ipPool, cluster);
        return verifier.verify(aggregateId).orElseThrow(() -> problem(HttpStatus.NOT_FOUND,
                "no event was ever recorded for " + aggregateId));
    }

    @GetMapping(path = "/export", produces = {"application/jsonl", "text/csv"})
    @Operation(summary = "An auditor's copy of one history: its events in [from, to) with every attribute and hash,"
            + " and the signed digests covering it; verifies offline (verify --export=FILE)",
            description = "Name exactly one of serviceGroup, ipPool, cluster. format: jsonl (default) or csv.")
    ResponseEntity<String> export(@RequestParam(required = false) String serviceGroup,
                                  @RequestParam(required = false) String ipPool,
                                  @RequestParam(required = false) String cluster,
                                  @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                                  @RequestParam(defaultValue = "jsonl") String format) throws IOException {
        if (!format.equals("jsonl") && !format.equals("csv")) {
            throw problem(HttpStatus.BAD_REQUEST, "format must be jsonl or csv");
        }
        String aggregateId = aggregateId(serviceGroup, ipPool, cluster);
        List<ObjectNode> records = export.records(aggregateId, from, to);
        if (records.isEmpty()) {
            throw problem(HttpStatus.NOT_FOUND, "no event was ever recorded for " + aggregateId);
        }
        StringWriter body = new StringWriter();
        if (format.equals("csv")) {
            AuditExport.writeCsv(records, body);
        } else {
            AuditExport.writeJsonLines(records, body);
        }
        String file = aggregateId.replace(':', '-') + "." + format;
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(format.equals("csv") ? "text/csv"
                        : "application/jsonl"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
                .body(body.toString());
    }

    private static String aggregateId(String serviceGroup, String ipPool, String cluster) {
        List<String> ids = new ArrayList<>();
        if (serviceGroup != null) {
            ids.add(ServiceGroupCommands.aggregateId(serviceGroup));
        }
        if (ipPool != null) {
            ids.add(ipPool);
        }
        if (cluster != null) {
            ids.add(Cluster.aggregateId(cluster));
        }
        if (ids.size() != 1) {
            throw problem(HttpStatus.BAD_REQUEST, "name exactly one of serviceGroup, ipPool, cluster");
        }
        return ids.get(0);
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }
}
