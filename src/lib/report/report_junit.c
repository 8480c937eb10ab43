/*
 * report_junit.c: JUnit XML for CI test widgets (GitLab artifacts:reports:junit, Jenkins,
 * Azure): one test suite, one test case per component (name: the component id,
 * classname: archlint.LANGUAGE), one <failure> per open finding, accepted findings noted
 * in <system-out>. No timestamps or durations: the output is deterministic.
 *
 * Repository text is made valid UTF-8, then escaped for XML 1.0: markup characters become
 * entities, tab/newline/CR in attributes become character references (so they survive
 * attribute normalisation), and characters XML 1.0 cannot carry at all (other C0
 * controls, U+FFFE, U+FFFF) become U+FFFD.
 */
#include <stdlib.h>

#include "report.h"
#include "utf8.h"
#include "rules.h"

static void xml_escape(FILE *out, const char *s, int attribute)
{
	char *clean = al_utf8_sanitize(s ? s : "");
	for (const unsigned char *p = (const unsigned char *)clean; *p; p++) {
		unsigned char c = *p;
		if (c == '&')
			fputs("&amp;", out);
		else if (c == '<')
			fputs("&lt;", out);
		else if (c == '>')
			fputs("&gt;", out);
		else if (c == '"' && attribute)
			fputs("&quot;", out);
		else if (c == '\'' && attribute)
			fputs("&apos;", out);
		else if (c == '\t' || c == '\n')
			fputs(attribute ? (c == '\t' ? "&#9;" : "&#10;")
			                : (c == '\t' ? "\t" : "\n"),
			      out);
		else if (c == '\r')
			fputs("&#13;", out);
		else if (c < 0x20)
			fputs("\xEF\xBF\xBD", out);
		else if (c == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF)) {
			fputs("\xEF\xBF\xBD", out); /* U+FFFE, U+FFFF */
			p += 2;
		} else
			fputc(c, out);
	}
	free(clean);
}

static void failure(FILE *out, const al_result *r, const al_finding *f)
{
	const al_component *c = f->component;
	fputs("      <failure type=\"", out);
	xml_escape(out, f->rule, 1);
	fputs("\" message=\"", out);
	xml_escape(out, f->message, 1);
	fputs("\">", out);
	char *head = al_sprintf("%s:%u: %s: %s [%s]\n", c->entry_path, c->entry_line,
	                        al_level_name(f->level), f->message, f->rule);
	xml_escape(out, head, 0);
	free(head);
	const al_rule *rule = al_ruleset_find_rule(r->rules, f->rule);
	if (rule) {
		char *why = al_sprintf("why: %s\n", rule->rationale);
		xml_escape(out, why, 0);
		free(why);
	}
	char *role = al_sprintf("role: %s (confidence %.2f); %s\n", al_role_name(c->role),
	                        c->confidence, c->decided_by ? c->decided_by : "");
	xml_escape(out, role, 0);
	free(role);
	if (c->owners.len) {
		al_buf owners = AL_BUF_INIT;
		for (size_t i = 0; i < c->owners.len; i++)
			al_buf_printf(&owners, "%s%s",
			              i ? " " : "owners: ", (char *)c->owners.items[i]);
		al_buf_printf(&owners, " (%s)\n", c->owners_from);
		xml_escape(out, al_buf_cstr(&owners), 0);
		al_buf_dispose(&owners);
	}
	for (size_t i = 0; i < c->evidence.len && i < 20; i++) {
		const al_evidence *e = c->evidence.items[i];
		char *line = al_sprintf("  %+.2f %s %s %s:%u\n", e->weight, al_role_name(e->role),
		                        e->signal, e->path, e->line);
		xml_escape(out, line, 0);
		free(line);
	}
	fputs("</failure>\n", out);
}

void al_report_junit(FILE *out, const al_result *result)
{
	size_t failed = 0;
	for (size_t i = 0; i < result->components.len; i++) {
		const al_component *c = result->components.items[i];
		for (size_t k = 0; k < result->findings.len; k++) {
			const al_finding *f = result->findings.items[k];
			if (f->component == c && !f->suppressed) {
				failed++;
				break;
			}
		}
	}
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", out);
	fprintf(out, "<testsuites name=\"archlint\" tests=\"%zu\" failures=\"%zu\" errors=\"0\">\n",
	        result->components.len, failed);
	fprintf(out,
	        "  <testsuite name=\"archlint\" tests=\"%zu\" failures=\"%zu\" errors=\"0\" "
	        "skipped=\"0\">\n",
	        result->components.len, failed);
	fputs("    <properties>\n", out);
	fprintf(out, "      <property name=\"archlint.version\" value=\"%s\"/>\n", AL_VERSION);
	if (result->commit) {
		fputs("      <property name=\"archlint.commit\" value=\"", out);
		xml_escape(out, result->commit, 1);
		fputs("\"/>\n", out);
	}
	fprintf(out, "      <property name=\"archlint.ruleset\" value=\"%s\"/>\n",
	        result->rules->hash);
	fputs("    </properties>\n", out);
	for (size_t i = 0; i < result->components.len; i++) {
		const al_component *c = result->components.items[i];
		fputs("    <testcase name=\"", out);
		xml_escape(out, c->id, 1);
		fprintf(out, "\" classname=\"archlint.%s\">\n", al_language_name(c->language));
		al_buf accepted = AL_BUF_INIT;
		for (size_t k = 0; k < result->findings.len; k++) {
			const al_finding *f = result->findings.items[k];
			if (f->component != c)
				continue;
			if (!f->suppressed) {
				failure(out, result, f);
				continue;
			}
			al_buf_printf(&accepted, "%s %s accepted (%s, %s): %s\n", f->rule,
			              al_level_name(f->level),
			              al_suppress_kind_name(f->suppressed->kind),
			              f->suppressed->origin, f->suppressed->reason);
		}
		if (accepted.len) {
			fputs("      <system-out>", out);
			xml_escape(out, al_buf_cstr(&accepted), 0);
			fputs("</system-out>\n", out);
		}
		al_buf_dispose(&accepted);
		fputs("    </testcase>\n", out);
	}
	fputs("  </testsuite>\n</testsuites>\n", out);
}
