package org.celedger.app.read;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.celedger.app.web.ApiException;
import org.celedger.domain.rules.ClauseText;
import org.celedger.domain.rules.Parameter;
import org.celedger.domain.rules.RuleSet;
import org.celedger.domain.rules.RuleSetSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The rule sets in force on the read side, with their version hash, sources and cited parameters. */
@RestController
@Tag(name = "reads")
public class RuleSetController {

    private final Evaluations evaluations;

    public RuleSetController(Evaluations evaluations) {
        this.evaluations = evaluations;
    }

    public record Summary(String id, String version, String jurisdiction, String title, int firstYear,
                          Integer lastYear, List<RuleSetSource> sources) {
    }

    public record Detail(String id, String version, String jurisdiction, String title, int firstYear,
                         Integer lastYear, List<RuleSetSource> sources, List<Parameter> parameters) {
    }

    @GetMapping("/api/v1/rule-sets")
    @Operation(summary = "Every rule set with its version hash and sources")
    public List<Summary> all() {
        return evaluations.ruleSets().all().stream().map(r -> new Summary(r.id(), r.version(), r.jurisdiction().name(),
                r.title(), r.firstYear(), r.lastYear(), r.sources())).toList();
    }

    /** What a citation says: each clause it names, with its document and its text (null when not found). */
    public record Clauses(String ruleSet, String citation, List<ClauseText.Clause> clauses) {
    }

    @GetMapping("/api/v1/rule-sets/{id}/clauses")
    @Operation(summary = "The text of the clauses a citation names, from the rule set's source documents")
    public Clauses clauses(@PathVariable String id, @RequestParam String citation) {
        RuleSet r = Evaluations.named(evaluations.ruleSets(), id);
        if (citation.isBlank() || citation.length() > 500) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid citation", "citation",
                    "citation is a rule set's citation, such as IM-2025 一(四)1 (at most 500 characters)");
        }
        return new Clauses(r.id(), citation, ClauseText.of(citation, r.sources()));
    }

    @GetMapping("/api/v1/rule-sets/{id}")
    @Operation(summary = "One rule set with every parameter and its citation")
    public Detail one(@PathVariable String id) {
        RuleSet r = Evaluations.named(evaluations.ruleSets(), id);
        return new Detail(r.id(), r.version(), r.jurisdiction().name(), r.title(), r.firstYear(), r.lastYear(),
                r.sources(), r.parameters());
    }
}
