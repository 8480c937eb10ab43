/*
 * verdict_features.h: the inputs of the verdict model, one vector per component, worked out by
 * classification from its evidence (split by distance from main), its lifecycle signals and
 * its deployment references. The names are the contract between archlint, rules/model.json
 * and scripts/fit-model. The language is not one of them: what a program does decides its
 * role, and the guideline then judges its language. archlint emits every feature of every
 * component in its JSON ("features"), so the model can be fitted from archlint's own output.
 */
#ifndef AL_VERDICT_FEATURES_H
#define AL_VERDICT_FEATURES_H

#define AL_MODEL_CLASSES 3 /* data-path, control-plane, tool: al_role's first three */

typedef enum {
	AL_F_DATA_PATH, /* log(1 + data-path score: every hit weighted by its distance from main) */
	AL_F_CONTROL_PLANE, /* likewise, control-plane */
	AL_F_TOOL,          /* likewise, tool (tool evidence counts only in the own package) */
	AL_F_SERVER,  /* strongest long-running-server signal: 1 in main's package, less further */
	AL_F_COMMAND, /* strongest run-to-completion command signal, likewise */
	AL_F_SHIPPED_SERVICE,   /* started by a long-running workload (Deployment, systemd...) */
	AL_F_SHIPPED_JOB,       /* started by a Job or CronJob */
	AL_F_SHIPPED_CONTAINER, /* a container image's program */
	AL_F_SHIPPED_PACKAGE,   /* released (goreleaser, release workflows) */
	AL_F_SHIPPED_BUILD,     /* built by the repository's Dockerfiles or Makefiles */
	AL_F_UNSHIPPED,         /* the repository ships other binaries, not this one */
	AL_FEATURE__COUNT
} al_feature_id;

/* "own.data-path", ...; NULL past the end. */
const char *al_feature_name(int feature);
/* The feature of that name, or -1. */
int al_feature_find(const char *name);

#endif
