"""The API's OpenAPI 3.1 description, written by hand: it is short, and its
words are the documentation. tests/api/test_schema.py holds the API to it."""

from django.conf import settings

from catalogue import licence
from catalogue.filters import MAX_VALUES_PER_FACET, Sort
from catalogue.models import Category, Force, Level, Mechanic, Pattern
from catalogue.search import MAX_QUERY_LENGTH


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


STRING = {"type": "string"}
OPTIONAL_STRING = {"type": ["string", "null"]}
URL = {"type": "string", "format": "uri"}
STRINGS = {"type": "array", "items": STRING}


def obj(properties, required=None):
    return {
        "type": "object",
        "required": list(properties) if required is None else required,
        "properties": properties,
    }


# What an exercise's summary and its detail both say of it.
EXERCISE_IDENTITY = {
    "slug": STRING,
    "name": STRING,
    "url": URL,
    "api_url": URL,
    "summary": STRING,
    "level": {"type": "string", "enum": Level.values},
    "type": {"type": "string", "enum": Category.values},
}


def facet_parameter(name, description, enum=None):
    items = (
        {"type": "string", "enum": enum} if enum else {"type": "string", "minLength": 1}
    )
    return {
        "name": name,
        "in": "query",
        "description": description,
        "style": "form",
        "explode": True,
        "schema": {"type": "array", "items": items, "maxItems": MAX_VALUES_PER_FACET},
    }


LIST_PARAMETERS = [
    {
        "name": "q",
        "in": "query",
        "description": "Words to find in names, aliases and steps.",
        "schema": {"type": "string", "maxLength": MAX_QUERY_LENGTH},
    },
    facet_parameter("equipment", "Equipment slugs (any of them); see /api/equipment/."),
    facet_parameter(
        "muscle", "Muscle or group slugs (any of them); see /api/muscles/."
    ),
    facet_parameter("level", "Levels (any of them).", Level.values),
    facet_parameter("category", "Exercise types (any of them).", Category.values),
    facet_parameter(
        "have",
        "What I own: equipment slugs; only exercises needing nothing else "
        "(body weight always counts as owned).",
    ),
    facet_parameter("pattern", "Movement patterns (any of them).", Pattern.values),
    {
        "name": "best",
        "in": "query",
        "description": "1: editors' picks only.",
        "schema": {"type": "string", "enum": ["0", "1"]},
    },
    {
        "name": "sort",
        "in": "query",
        "description": "Order; relevance applies to a search (q) only.",
        "schema": {"type": "string", "enum": [value for value, _ in Sort.choices]},
    },
    {
        "name": "page",
        "in": "query",
        "description": "Page number, from 1; a number past the last page is a 400.",
        "schema": {"type": "integer", "minimum": 1},
    },
]

OPTION = obj(
    {
        "value": STRING,
        "label": STRING,
        "count": {"type": "integer", "minimum": 0},
        "selected": {"type": "boolean"},
    }
)

SCHEMAS = {
    "LicenceTerms": obj({"name": STRING, "url": URL, "applies_to": STRING}),
    "Licence": obj(
        {
            "site": ref("LicenceTerms"),
            "sources": {
                "type": "array",
                "items": {
                    "allOf": [
                        ref("LicenceTerms"),
                        obj({"id": STRING, "source": URL}),
                    ]
                },
            },
        }
    ),
    "Error": obj(
        {
            "licence": ref("Licence"),
            "error": obj(
                {
                    "status": {"type": "integer"},
                    "message": STRING,
                    "parameters": {
                        "type": "object",
                        "additionalProperties": STRINGS,
                    },
                },
                required=["status", "message"],
            ),
        }
    ),
    "Provenance": obj(
        {
            "source": {
                "type": ["string", "null"],
                "description": "The source the text is quoted from; null when "
                "Backbone wrote it.",
            },
            "licence": {"type": "string", "description": "The licence of this item."},
        }
    ),
    "ExerciseSummary": {
        "allOf": [
            ref("Provenance"),
            obj(
                {
                    **EXERCISE_IDENTITY,
                    "force": {
                        "type": ["string", "null"],
                        "enum": [*Force.values, None],
                    },
                    "mechanic": {
                        "type": ["string", "null"],
                        "enum": [*Mechanic.values, None],
                    },
                    "equipment": STRINGS,
                    "muscle_groups": STRINGS,
                    "editors_pick": {"type": "boolean"},
                    "updated_at": {"type": "string", "format": "date-time"},
                }
            ),
        ]
    },
    "Named": obj({"slug": STRING, "name": STRING}),
    "MuscleLink": obj(
        {"slug": STRING, "name": STRING, "group": OPTIONAL_STRING, "url": URL}
    ),
    "ExerciseDetail": {
        "allOf": [
            ref("Provenance"),
            obj(
                {
                    **EXERCISE_IDENTITY,
                    "aliases": STRINGS,
                    "equipment": {"type": "array", "items": ref("Named")},
                    "muscle_groups": {"type": "array", "items": ref("Named")},
                    "muscles": obj(
                        {
                            "primary": {"type": "array", "items": ref("MuscleLink")},
                            "secondary": {"type": "array", "items": ref("MuscleLink")},
                        }
                    ),
                    "steps": {
                        "type": "array",
                        "items": obj(
                            {
                                "number": {"type": "integer", "minimum": 1},
                                "text": STRING,
                                "url": URL,
                            }
                        ),
                    },
                    "tips": STRINGS,
                    "review": {
                        "type": ["object", "null"],
                        "description": "Who reviewed the exercise and what of it; "
                        "current is false once the steps changed after the review.",
                        "required": [
                            "reviewer",
                            "credentials",
                            "reviewed_on",
                            "scope",
                            "current",
                        ],
                        "properties": {
                            "reviewer": STRING,
                            "credentials": STRING,
                            "reviewed_on": {
                                "type": ["string", "null"],
                                "format": "date",
                            },
                            "scope": STRING,
                            "current": {"type": "boolean"},
                        },
                    },
                    "status": STRING,
                    "published_at": {"type": "string", "format": "date-time"},
                    "updated_at": {"type": "string", "format": "date-time"},
                }
            ),
        ]
    },
    "Option": OPTION,
    "GroupOption": {
        "allOf": [
            ref("Option"),
            obj({"members": {"type": "array", "items": ref("Option")}}),
        ]
    },
    "Facets": obj(
        {
            "equipment": {"type": "array", "items": ref("Option")},
            "muscle": {"type": "array", "items": ref("GroupOption")},
            "level": {"type": "array", "items": ref("Option")},
            "category": {"type": "array", "items": ref("Option")},
            "best": obj(
                {"count": {"type": "integer"}, "selected": {"type": "boolean"}}
            ),
        }
    ),
    "ExerciseList": obj(
        {
            "licence": ref("Licence"),
            "count": {"type": "integer", "minimum": 0},
            "page": {"type": "integer", "minimum": 1},
            "pages": {"type": "integer", "minimum": 1},
            "per_page": {"type": "integer"},
            "next": {"type": ["string", "null"], "format": "uri"},
            "previous": {"type": ["string", "null"], "format": "uri"},
            "query": {"type": "object", "additionalProperties": STRINGS},
            "facets": ref("Facets"),
            "results": {"type": "array", "items": ref("ExerciseSummary")},
        }
    ),
    "ExerciseResponse": obj(
        {"licence": ref("Licence"), "exercise": ref("ExerciseDetail")}
    ),
    "Equipment": obj(
        {
            "slug": STRING,
            "name": STRING,
            "description": STRING,
            "exercise_count": {"type": "integer", "minimum": 0},
            "exercises_url": URL,
            "api_url": URL,
        }
    ),
    "EquipmentList": obj(
        {
            "licence": ref("Licence"),
            "results": {"type": "array", "items": ref("Equipment")},
        }
    ),
    "Muscle": obj(
        {
            "slug": STRING,
            "name": STRING,
            "group": OPTIONAL_STRING,
            "is_group": {"type": "boolean"},
            "location": STRING,
            "function": STRING,
            "description": STRING,
            "url": URL,
        }
    ),
    "MuscleList": obj(
        {
            "licence": ref("Licence"),
            "results": {"type": "array", "items": ref("Muscle")},
        }
    ),
}


def json_content(schema):
    return {"application/json": {"schema": ref(schema)}}


def ok(schema, description):
    return {
        "description": description,
        "headers": {
            "ETag": {"description": "Send it back in If-None-Match.", "schema": STRING}
        },
        "content": json_content(schema),
    }


NOT_MODIFIED = {"description": "Unchanged since the ETag you sent."}


def document():
    site = licence.SITE
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Backbone open data",
            "version": "1.0.0",
            "summary": "Exercises, equipment and muscles of the Backbone library.",
            "description": "Read-only and free to use. Every response names the "
            "licence of what it holds: text Backbone wrote is "
            f"{site['name']}; exercises quoted from free-exercise-db are in the "
            "public domain (the Unlicense). Responses are cached until the content "
            "changes; send If-None-Match with the ETag you have. Any origin may "
            "read them (CORS). The same list as CSV: /exercises/export.csv with "
            "the same parameters.",
            "license": {"name": site["name"], "url": site["url"]},
        },
        "servers": [{"url": settings.SITE_URL}],
        "paths": {
            "/api/exercises/": {
                "get": {
                    "operationId": "listExercises",
                    "summary": "Exercises, filtered as on the A–Z list, with facet counts",
                    "parameters": LIST_PARAMETERS,
                    "responses": {
                        "200": ok("ExerciseList", "One page of exercises."),
                        "304": NOT_MODIFIED,
                        "400": {
                            "description": "A parameter was not understood.",
                            "content": json_content("Error"),
                        },
                    },
                }
            },
            "/api/exercises/{slug}/": {
                "get": {
                    "operationId": "getExercise",
                    "summary": "One exercise: steps, equipment, muscles by role",
                    "parameters": [
                        {
                            "name": "slug",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string", "pattern": "^[-a-zA-Z0-9_]+$"},
                        }
                    ],
                    "responses": {
                        "200": ok("ExerciseResponse", "The exercise."),
                        "304": NOT_MODIFIED,
                        "404": {
                            "description": "No published exercise has this slug.",
                            "content": json_content("Error"),
                        },
                    },
                }
            },
            "/api/equipment/": {
                "get": {
                    "operationId": "listEquipment",
                    "summary": "Every equipment item, with its number of exercises",
                    "responses": {
                        "200": ok("EquipmentList", "All equipment."),
                        "304": NOT_MODIFIED,
                    },
                }
            },
            "/api/muscles/": {
                "get": {
                    "operationId": "listMuscles",
                    "summary": "Every muscle group and muscle",
                    "responses": {
                        "200": ok("MuscleList", "All muscles."),
                        "304": NOT_MODIFIED,
                    },
                }
            },
        },
        "components": {"schemas": SCHEMAS},
    }
