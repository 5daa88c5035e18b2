CREATE TABLE "signal_unit_inputs" (
	"school_id" text NOT NULL,
	"pupil_id" text NOT NULL,
	"as_of" date NOT NULL,
	"inputs" text NOT NULL,
	CONSTRAINT "signal_unit_inputs_school_id_pupil_id_pk" PRIMARY KEY("school_id","pupil_id")
);
