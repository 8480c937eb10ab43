/*
 * test_cli_spec.c: the command-line tables (src/cli/cli_spec.c) are sound, since the
 * parser, --help, the man page and the completions all trust them: each option sits at
 * its own id, no command takes two options of one name or one letter, a command with
 * --format has formats, every command is found by name, and help lines are short enough
 * for --help's 100 columns.
 */
#include "unit.h"

#include "cli_spec.h"

static void every_option_sits_at_its_id(void **state)
{
	(void)state;
	for (int id = 0; id < AL_OPT__COUNT; id++) {
		const al_opt_spec *opt = al_opt_spec_of((al_opt_id)id);
		assert_int_equal(opt->id, id);
		assert_non_null(opt->name);
		assert_non_null(opt->help);
		assert_true(strlen(opt->help) <= 72);
		assert_true((opt->value == NULL) == (opt->kind == AL_VALUE_NONE));
	}
}

static void no_command_takes_a_name_or_letter_twice(void **state)
{
	(void)state;
	for (size_t c = 0; c < al_cmd_spec_count; c++) {
		const al_cmd_spec *cmd = &al_cmd_specs[c];
		for (const al_opt_id *a = cmd->options; *a != AL_OPT__COUNT; a++) {
			const al_opt_spec *x = al_opt_spec_of(*a);
			for (const al_opt_id *b = a + 1; *b != AL_OPT__COUNT; b++) {
				const al_opt_spec *y = al_opt_spec_of(*b);
				if (strcmp(x->name, y->name) == 0 ||
				    (x->letter && x->letter == y->letter))
					fail_msg("%s: --%s and --%s clash", cmd->name, x->name,
					         y->name);
			}
		}
	}
}

static void a_format_option_has_formats(void **state)
{
	(void)state;
	for (size_t c = 0; c < al_cmd_spec_count; c++) {
		const al_cmd_spec *cmd = &al_cmd_specs[c];
		int has_format = 0, has_help = 0;
		for (const al_opt_id *id = cmd->options; *id != AL_OPT__COUNT; id++) {
			has_format |= *id == AL_OPT_FORMAT;
			has_help |= *id == AL_OPT_HELP;
		}
		assert_true(has_help);
		assert_int_equal(has_format, cmd->formats != NULL);
		assert_true(cmd->min_operands <= cmd->max_operands && cmd->max_operands <= 2);
	}
}

static void choices_and_defaults_follow_the_command(void **state)
{
	(void)state;
	const al_cmd_spec *report = al_cmd_spec_find("report");
	const al_cmd_spec *check = al_cmd_spec_find("check");
	assert_non_null(report);
	assert_non_null(check);
	assert_null(al_cmd_spec_find("chek"));
	const al_opt_spec *format = al_opt_spec_of(AL_OPT_FORMAT);
	assert_string_equal(al_opt_fallback(report, format), "html");
	assert_string_equal(al_opt_fallback(check, format), "text");
	assert_string_equal(al_opt_choices(report, format)[1], "md");
	const al_opt_spec *fail_on = al_opt_spec_of(AL_OPT_FAIL_ON);
	assert_string_equal(al_opt_choices(check, fail_on)[3], "never");
	assert_null(al_opt_choices(check, al_opt_spec_of(AL_OPT_REV)));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(every_option_sits_at_its_id),
	    cmocka_unit_test(no_command_takes_a_name_or_letter_twice),
	    cmocka_unit_test(a_format_option_has_formats),
	    cmocka_unit_test(choices_and_defaults_follow_the_command),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
