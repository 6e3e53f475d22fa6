from core.jinja import helper
from core.link_syntax import plain_text
from core.structured_data import image_object, json_ld
from core.urls import absolute_url


@helper
def exercise_structured_data(exercise, steps, card):
    """The exercise as a schema.org HowTo: its steps, each with its #step-N
    address, and its equipment as tools. Nothing without steps: a HowTo is its
    steps."""
    steps = list(steps)
    if not steps:
        return ""
    url = absolute_url(exercise.get_absolute_url())
    return json_ld(
        {
            "@type": "HowTo",
            "name": exercise.name,
            "description": plain_text(exercise.summary),
            "url": url,
            "image": image_object(card),
            "tool": [
                {"@type": "HowToTool", "name": item.name}
                for item in exercise.equipment_list
            ],
            "step": [
                {
                    "@type": "HowToStep",
                    "position": step.number,
                    "text": step.text,
                    "url": f"{url}#step-{step.number}",
                }
                for step in steps
            ],
        }
    )
