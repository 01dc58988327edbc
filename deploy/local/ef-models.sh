#!/usr/bin/env bash
# Regenerate the EF Core compiled models (Data/CompiledModel/ of each service) after changing an
# entity, a configuration or adding a migration. The services load these at start instead of building
# the model from OnModelCreating (faster start, less JIT); CompiledModelTests fails while one is stale.
#
# usage: deploy/local/ef-models.sh        (from anywhere; builds once in Release, then optimizes each)
set -euo pipefail
cd "$(dirname "$0")/../.."

# project|context|output folder (in the project)|namespace
CONTEXTS=(
  "services/Membership/Lishui.Membership|MembershipDbContext|Data/CompiledModel|Lishui.Membership.Data.CompiledModel"
  "services/Assessment/Lishui.Assessment|AssessmentDbContext|Data/CompiledModel|Lishui.Assessment.Data.CompiledModel"
  "services/Pairing/Lishui.Pairing|PairingDbContext|Data/CompiledModel|Lishui.Pairing.Data.CompiledModel"
  "services/PracticalProjects/Lishui.PracticalProjects|ProjectsDbContext|Data/CompiledModel|Lishui.PracticalProjects.Data.CompiledModel"
  "services/Notification/Lishui.Notification|NotificationDbContext|Data/CompiledModel|Lishui.Notification.Data.CompiledModel"
  "services/Notification/Lishui.Notification|PublicEventsDb|PublicEvents/Data/CompiledModel|Lishui.Notification.PublicEvents.Data.CompiledModel"
)

dotnet tool restore > /dev/null
projects=()
for entry in "${CONTEXTS[@]}"; do
  project=${entry%%|*}
  [[ " ${projects[*]} " == *" $project "* ]] || projects+=("$project")
done
for project in "${projects[@]}"; do
  dotnet build -c Release --nologo -v quiet "$project"
done

for entry in "${CONTEXTS[@]}"; do
  IFS='|' read -r project context output namespace <<< "$entry"
  # The old files go first: a removed entity type must not leave its file behind.
  rm -rf "${project:?}/$output"
  echo "== $context" && dotnet ef dbcontext optimize --no-build --configuration Release -p "$project" -c "$context" -o "$output" -n "$namespace"
done

# The entity Notification shares its name with the namespace Lishui.Notification, where the generated
# code's bare typeof(Notification) finds the namespace: name the type in full.
sed -i 's/typeof(Notification)/typeof(global::Lishui.Notification.Domain.Notification)/g' \
  services/Notification/Lishui.Notification/Data/CompiledModel/*.cs
echo "compiled models regenerated; rebuild the services and commit Data/CompiledModel/ with the model change"
