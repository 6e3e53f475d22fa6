"""What the seed article says of each exercise, for the tests to check against.

Parsed from the seed article (a copy is tests/data/seed-article.txt; tests/test_seed.py re-reads it
where that folder is present): name, equipment, "Muscle Worked" groups and step 1,
in the article's order.
"""

ARTICLE_EXERCISES = [
    (
        "Dumbbell Single-Arm Bent-Over Row",
        ["Dumbbells", "Flat Bench Without Rack"],
        ["Back"],
        "Stand next to a flat weight bench with a dumbbell at the side.",
    ),
    (
        "Dumbbell Bent-Over Row",
        ["Dumbbells"],
        ["Back"],
        "Begin with your feet hip-width apart, knees slightly bent. Hold a dumbbell in each hand with your palms facing together.",
    ),
    (
        "Pull-Up",
        ["Pull Up Bar", "Bodyweight"],
        ["Back"],
        "Set up next to a pull-up bar. This can also be performed using a power tower or power rack with a bar attachment.",
    ),
    (
        "Lat Pulldown",
        ["Lat Pulldown Machine", "Lat Bar"],
        ["Back"],
        "Adjust the pad to press against your thighs. This helps keep you stable when pulling the bar.",
    ),
    (
        "Rear Delt Fly Machine",
        ["Fly Machine"],
        ["Shoulder", "Back"],
        "Adjust the seat height so that your shoulders are level with the handles.",
    ),
    (
        "Assisted Pull-Up",
        ["Assisted Power Tower"],
        ["Back"],
        "Set up next to an assisted pull-up machine. Ensure the assistance platform is firmly in place with the correct weight selected.",
    ),
    (
        "Inverted Row",
        ["Stick", "Power Cage"],
        ["Back", "Shoulder"],
        "Set up a secured barbell at a high height on a squat rack or Smith machine. It should be slightly higher than your hips so that your body can hang freely.",
    ),
    (
        "Dumbbell Shrug",
        ["Dumbbells"],
        ["Back"],
        "Begin by standing with your feet hip-width apart with a dumbbell in each hand. Let your arms hang naturally at your sides, with your palms facing your body.",
    ),
    (
        "Trap Bar Shrug",
        ["Trap Bar"],
        ["Back"],
        "Choose an appropriate trap bar for your strength level. Ensure the weight plates are securely fastened before starting.",
    ),
    (
        "Straight Arm Lat Pulldown",
        ["Straight Bar Attachment", "Single Pulley Tower"],
        ["Back"],
        "Begin by setting up the equipment. Attach a straight bar to a high pulley on a cable machine.",
    ),
    (
        "Standing Cable Lat Pulldown",
        ["Straight Bar Attachment", "Single Pulley Tower"],
        ["Back"],
        "Stand in front of a cable lat pulldown machine with your feet hip-width apart.",
    ),
    (
        "Seated Wide-Grip Cable Row",
        ["Lat Bar", "Cable Row Machine"],
        ["Back"],
        "Sit down and attach the wide bar to the cable row.",
    ),
    (
        "Cable Crossover Reverse Fly",
        ["Wide Cable Pulley Towers", "Single Grip Handle"],
        ["Shoulder", "Back"],
        "Find a cable system with two pulleys close to each other. Set the cable pulleys roughly level with your ears. Attach a single handle to each pulley or you can grip the cable itself. Choose the appropriate weight.",
    ),
    (
        "Barbell Shrug",
        ["Barbell"],
        ["Back"],
        "Stand with your feet shoulder-width apart and grasp the barbell with an overhand grip, hands slightly wider than shoulder-width.",
    ),
    (
        "Chin-Up",
        ["Pull Up Bar", "Bodyweight"],
        ["Back"],
        "Stand directly below the chin-up bar. Reach up with both arms and grab the bar using an underhand grip.",
    ),
    (
        "Reverse-Grip Lat Pulldown",
        ["Lat Pulldown Machine"],
        ["Back", "Arm"],
        "Take a seat on the lat pulldown machine facing the equipment.",
    ),
    (
        "Dumbbell Pullover",
        ["Flat Bench Without Rack", "Dumbbells"],
        ["Back"],
        "Lie flat on a bench with your head near one end and your feet firmly planted on the ground for stability.",
    ),
    (
        "Rack Pulls",
        ["Power Cage", "Barbell"],
        ["Back"],
        "Line up the squat rack spotter arms at about knee height.",
    ),
    (
        "Assisted Chin-Up",
        ["Assisted Power Tower"],
        ["Back"],
        "Locate an assisted pull-up machine.",
    ),
    (
        "Seated Single-Arm Cable Row",
        ["Cable Row Machine", "Single Grip Handle"],
        ["Back"],
        "Sit on the bench in front of a cable machine with one handle attached.",
    ),
    (
        "Close-Grip Lat Pulldown",
        ["Lat Bar", "Lat Pulldown Machine"],
        ["Back", "Arm"],
        "The equipment required is a lat pulldown machine fitted with a narrow grip handle or a typical pulldown bar. Adjust to a weight that provides enough resistance to help you keep correct form over the repetitions of the exercise. When you sit, position the machine so that your knees fit comfortably under the knee pads.",
    ),
    (
        "Barbell Pullover",
        ["Flat Bench Without Rack", "Barbell"],
        ["Back"],
        "Set up a flat bench in a suitable space. Take a barbell from the barbell rack and lie on the bench with the barbell above your chest. Your elbows should be extended with your head facing forward.",
    ),
    (
        "Renegade Rows",
        ["Dumbbells"],
        ["Back", "Abs"],
        "Set up your dumbbells or kettlebells around shoulder-width apart.",
    ),
    (
        "Incline Dumbbell Row",
        ["Dumbbells", "Flat Bench Without Rack"],
        ["Back"],
        "Set an adjustable incline bench at a 45-degree angle.",
    ),
    (
        "Single Arm T Bar Row",
        ["Landmine Holder", "Barbell"],
        ["Back"],
        "Secure a barbell in a landmine attachment and load appropriate weights on the other end of it.",
    ),
    (
        "Barbell Seal Row",
        ["Barbell", "Seal Row Bench"],
        ["Back"],
        "Position an adjustable bench parallel to the floor. The bench should be somewhat higher so that your arms can hang freely off the sides.",
    ),
    (
        "Chair Inverted Row",
        ["Stick", "Chair", "Bodyweight"],
        ["Back", "Shoulder"],
        "Set up two chairs with their backs facing each other. Space the chairs two shoulder-widths apart.",
    ),
    (
        "Close-Grip Chin-Up",
        ["Bodyweight", "Pull Up Bar"],
        ["Back"],
        "Begin by standing in front of a high, sturdy bar that will support your weight.",
    ),
    (
        "Landmine One-Arm Bent-Over Row",
        ["Landmine Holder", "Barbell"],
        ["Back"],
        "Secure one end of a weighted barbell to a landmine row attachment.",
    ),
    (
        "Barbell Pendlay Row",
        ["Barbell"],
        ["Back"],
        "Set up a secured barbell with the appropriate weight for your fitness level and goals.",
    ),
    (
        "Weighted Pull-Up",
        ["Weight Plate", "Chain", "Pull Up Bar"],
        ["Back"],
        "Always start with a warm-up. When it comes to weighted pull-ups, think about warming up your back and shoulder muscles with some dynamic stretching.",
    ),
    (
        "Kneeling Band Lat Pulldown",
        ["Power Cage", "Handle Band"],
        ["Back"],
        "Loop the resistance band around the chin-up bar of a squat rack or anchor point.",
    ),
    (
        "Wide-Grip Pull-Up",
        ["Pull Up Bar", "Bodyweight"],
        ["Back"],
        "Find a sturdy pull-up bar that can support your body weight. Make sure it's high enough so you can hang freely without your feet touching the ground.",
    ),
    (
        "Seal Push-Up",
        ["Bodyweight"],
        ["Back"],
        "Begin by lying face-down on a mat on the floor with your legs extended, hip-width apart.",
    ),
    (
        "Weighted Chin-Up",
        ["Weight Plate", "Chain"],
        ["Back"],
        "Locate a pull bar in a suitable gym space. You can also do this in a home gym environment.",
    ),
]

ARTICLE_EQUIPMENT = sorted(
    {item for _, equipment, _, _ in ARTICLE_EXERCISES for item in equipment}
)

ARTICLE_MUSCLE_GROUPS = sorted(
    {group for _, _, groups, _ in ARTICLE_EXERCISES for group in groups}
)

# The mid-back muscles the article's anatomy section describes.
ARTICLE_MUSCLES = [
    "Upper Trapezius",
    "Middle Trapezius",
    "Lower Trapezius",
    "Latissimus Dorsi",
    "Rhomboids",
    "Posterior Deltoid",
]

# Exercises and stretches the article names in its text, each with a page of its own.
ARTICLE_EXTRAS = [
    "Bent-Over Barbell Row",
    "Cable Face Pull",
    "Unilateral Band Row",
    "T-Bar Row",
    "Chest-Supported Row",
    "Bird Dog",
    "Superman",
    "Cobra Pose",
    "Seated Twist",
    "Bridge Pose",
]

# The article's section headings, in order, and its FAQ questions.
ARTICLE_HEADINGS = [
    "Best Middle Back Exercises",
    "All Middle Back Exercises",
    "Anatomy Of The Mid-Back",
    "Upper Trapezius",
    "Middle Trapezius",
    "Lower Trapezius",
    "Latissimus Dorsi",
    "Expert Tips For Middle Back Workouts",
    "Reasons For A Weak Mid-Back",
    "Benefits Of Mid-Back Workouts",
    "Improved Posture",
    "Increased Upper Body Strength",
    "Reduced Neck And Shoulder Tension",
    "Improved Athletic Performance",
    "Alleviation Of Back Pain",
    "Conclusion",
    "Frequently Asked Questions",
    "Resources",
]

ARTICLE_FAQ = [
    "What are some common middle back exercises?",
    "How often should I do middle back exercises?",
    "Can I do middle-back exercises at home without equipment?",
    "Will mid-back exercises help alleviate back pain?",
    "Are mid-back exercises suitable for beginners?",
]

ARTICLE_TIPS = [
    "Maintain control of the movements without using momentum to complete the exercise.",
    "Keep your back straight with your shoulders down and core engaged",
    "Use a grip that supports optimal muscle engagement.",
    "Refrain from using too much weight too soon",
    "Be careful not to lock the elbows during any exercise and keep a slight bend.",
    "Focus on squeezing the shoulder blades and back muscles during the contraction phases",
]

# Identifiers of the article's seven references, in order.
ARTICLE_REFERENCE_LINKS = [
    "https://pubmed.ncbi.nlm.nih.gov/30085536/",
    "https://doi.org/10.3906/sag-1511-155",
    "https://www.ncbi.nlm.nih.gov/books/NBK448120/",
    "https://doi.org/10.3390/jcm12175510",
    "https://pmc.ncbi.nlm.nih.gov/articles/PMC9324710/",
    "https://doi.org/10.1530/eor-23-0025",
    "https://pubmed.ncbi.nlm.nih.gov/30521277/",
]
